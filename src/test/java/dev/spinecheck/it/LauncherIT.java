package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher, run as a person or a script would run it. It runs from a copy of the project that holds only
 * the launcher and the jar this build packaged (no sources, no pom, no Maven Wrapper): it finds the jar up to date,
 * and a nested build inside {@code ./mvnw verify} is impossible — it would fail loudly, not rebuild quietly.
 */
class LauncherIT {
    @TempDir
    static Path home;

    static Path launcher;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyTheLauncherAndThePackagedJar() throws IOException {
        launcher = home.resolve("spinecheck");
        Files.copy(Packaged.ROOT.resolve("spinecheck"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path examples = Files.createDirectories(home.resolve("questionnaires/examples"));
        Files.copy(Packaged.ROOT.resolve("questionnaires/examples/harmless.yaml"), examples.resolve("harmless.yaml"),
                StandardCopyOption.COPY_ATTRIBUTES);
        // Copied last and given the time of the copy: the jar is newer than everything beside it.
        Files.createDirectories(home.resolve("target"));
        Files.copy(Packaged.JAR, home.resolve("target/spinecheck.jar"));
    }

    static Packaged.Ran run(Path launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return Packaged.run(command, env);
    }

    @Test
    void runs_the_packaged_jar_without_building_and_passes_the_exit_code_through() {
        Packaged.Ran version = run(launcher, Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.err()).doesNotContain("building");
        Packaged.Ran emergency = run(launcher, Map.of(), "run", "--answers", Packaged.vignette("P03.yaml").toString());
        assertThat(emergency.exitCode()).isZero();
        assertThat(emergency.out()).startsWith("EMERGENCY — now");
        assertThat(run(launcher, Map.of(), "run", "--answers", dir.resolve("none.yaml").toString()).exitCode()).isEqualTo(66);
        assertThat(run(launcher, Map.of(), "run", "--nonsense").exitCode()).isEqualTo(2);
    }

    @Test
    void works_through_a_symlink_on_the_path() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = bin.resolve("spinecheck");
        Files.createSymbolicLink(link, launcher);
        Packaged.Ran ran = run(link, Map.of(), "--version");
        assertThat(ran.exitCode()).isZero();
        assertThat(ran.out()).startsWith("spinecheck ");
    }

    @Test
    void honours_java_opts() {
        Packaged.Ran ran = run(launcher, Map.of("JAVA_OPTS", "-Dspinecheck.probe=1 -XshowSettings:properties"), "--version");
        assertThat(ran.exitCode()).isZero();
        assertThat(ran.err()).contains("spinecheck.probe = 1");
    }

    @Test
    void a_java_home_without_java_gives_a_clear_message() {
        Packaged.Ran ran = run(launcher, Map.of("JAVA_HOME", dir.toString()), "--version");
        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).contains("JAVA_HOME").contains("no Java at");
    }

    @Test
    void no_java_at_all_gives_a_clear_message() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("sh", "dirname", "ls", "sed", "find", "head", "mkdir", "rmdir", "sleep")) {
            for (String folder : List.of("/bin", "/usr/bin")) {
                Path real = Path.of(folder, tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", null);
        Packaged.Ran ran = run(launcher, env, "--version");
        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).contains("no Java found").contains("Java 17");
    }
}

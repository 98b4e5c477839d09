package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX launcher and the packaged jar, run as a person or a script would run them. */
class LauncherIT {
    static final Path ROOT = Path.of(System.getProperty("spinecheck.root", "."));
    static final Path LAUNCHER = ROOT.resolve("spinecheck");
    static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    record Ran(int exitCode, String out, String err) {}

    static Ran run(Path launcher, Map<String, String> env, String... args) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            assertThat(process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        });
    }

    static Path vignette(String name) {
        return ROOT.resolve("src/test/resources/vignettes").resolve(name);
    }

    @Test
    void runs_the_packaged_jar_and_passes_the_exit_code_through() {
        assertThat(run(LAUNCHER, Map.of(), "--version").exitCode()).isZero();
        Ran emergency = run(LAUNCHER, Map.of(), "run", "--answers", vignette("P03.yaml").toString());
        assertThat(emergency.exitCode()).isZero();
        assertThat(emergency.out()).startsWith("EMERGENCY — now");
        assertThat(run(LAUNCHER, Map.of(), "run", "--answers", dir.resolve("none.yaml").toString()).exitCode()).isEqualTo(66);
        assertThat(run(LAUNCHER, Map.of(), "run", "--nonsense").exitCode()).isEqualTo(2);
    }

    @Test
    void batch_screens_the_public_vignettes_through_the_jar() {
        Ran batch = run(LAUNCHER, Map.of(), "batch", ROOT.resolve("src/test/resources/vignettes").toString());
        assertThat(batch.out().lines().filter(l -> l.contains("\"level\":")).count()).isEqualTo(16);
        assertThat(batch.err()).contains("EMERGENCY 3, URGENT 6, SOON 2, ROUTINE 4, SELF_CARE 1");
    }

    @Test
    void works_through_a_symlink_on_the_path() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = bin.resolve("spinecheck");
        Files.createSymbolicLink(link, LAUNCHER.toAbsolutePath());
        Ran ran = run(link, Map.of(), "--version");
        assertThat(ran.exitCode()).isZero();
        assertThat(ran.out()).startsWith("spinecheck ");
    }

    @Test
    void honours_java_opts() {
        Ran ran = run(LAUNCHER, Map.of("JAVA_OPTS", "-Dspinecheck.probe=1 -XshowSettings:properties"), "--version");
        assertThat(ran.exitCode()).isZero();
        assertThat(ran.err()).contains("spinecheck.probe = 1");
    }

    @Test
    void a_java_home_without_java_gives_a_clear_message() {
        Ran ran = run(LAUNCHER, Map.of("JAVA_HOME", dir.toString()), "--version");
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
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", null);
        Ran ran = run(LAUNCHER, env, "--version");
        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).contains("no Java found").contains("Java 17");
    }
}

package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build packages: one runnable jar, its manifest, the JLine modules it needs, and a native terminal. */
class PackagedJarIT {
    @TempDir
    Path dir;

    @Test
    void batch_screens_the_public_vignettes_through_the_jar_and_exits_0() throws IOException {
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(List.of(Packaged.vignetteFiles()));
        Packaged.Ran batch = Packaged.run(args.toArray(String[]::new));
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(batch.out().lines().filter(l -> l.contains("\"level\":")).count()).isEqualTo(16);
        assertThat(batch.err()).contains("EMERGENCY 3, URGENT 6, SOON 2, ROUTINE 4, SELF_CARE 1; errors 0");
    }

    /** The quick way of issue 11: neither picocli's model nor the YAML reader is loaded for a plain scripted run. */
    @Test
    void a_plain_run_of_the_jar_uses_the_compiled_questionnaire_and_no_command_model() throws IOException {
        Path log = dir.resolve("classes.log");
        Packaged.Ran run = Packaged.run(List.of("-Xlog:class+load=info:file=" + log), "run", "--answers",
                Packaged.ROOT.resolve("questionnaires/examples/harmless.json").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"questionnaire\"");
        assertThat(Files.readString(log)).contains("dev.spinecheck.load.CompiledSpineScreening ")
                .doesNotContain("org.snakeyaml").doesNotContain("picocli.CommandLine$Model$CommandSpec ");
    }

    @Test
    void the_build_leaves_one_jar_with_the_manifest_of_the_build() throws IOException {
        try (Stream<Path> files = Files.list(Packaged.JAR.getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".jar")).map(p -> p.getFileName().toString()))
                    .containsExactly("spinecheck.jar");
        }
        try (JarFile jar = new JarFile(Packaged.JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isEqualTo("dev.spinecheck.Main");
            assertThat(manifest.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            assertThat(manifest.getValue("Multi-Release")).isEqualTo("true");
            assertThat(manifest.getValue("Implementation-Version")).isNotBlank();
        }
    }

    @Test
    void the_jar_holds_the_jline_reader_terminal_and_native_providers_and_not_the_bundle() throws IOException {
        try (JarFile jar = new JarFile(Packaged.JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("org/jline/reader/LineReader.class", "org/jline/terminal/Terminal.class",
                    "org/jline/terminal/impl/jni/JniTerminalProvider.class", "org/jline/terminal/impl/ffm/FfmTerminalProvider.class");
            assertThat(names).noneMatch(n -> n.startsWith("org/jline/builtins/") || n.startsWith("org/jline/console/")
                    || n.startsWith("org/jline/widget/") || n.startsWith("org/jline/terminal/impl/jansi/")
                    || n.startsWith("org/jline/terminal/impl/jna/"));
        }
    }

    @Test
    void every_library_inside_the_jar_is_listed_with_its_version_and_licence_in_the_third_party_notices() throws IOException {
        String notices = Files.readString(Path.of("THIRD-PARTY-NOTICES.md"));
        try (JarFile jar = new JarFile(Packaged.JAR.toFile())) {
            List<String> libraries = new ArrayList<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = jar.getInputStream(entry)) {
                        p.load(in);
                    }
                    if (!p.getProperty("groupId").equals("dev.spinecheck")) {
                        libraries.add("| `" + p.getProperty("groupId") + ":" + p.getProperty("artifactId") + "` | " + p.getProperty("version") + " | ");
                    }
                }
            }
            assertThat(libraries).hasSizeGreaterThanOrEqualTo(5);
            assertThat(notices).contains(libraries);
        }
    }

    @Test
    void jdk_17_gets_a_native_terminal_through_jni() throws Exception {
        assertThat(nativeTerminal(Packaged.JAVA)).startsWith(javaMajor() >= 22 ? "ffm " : "jni ");
    }

    @Test
    void jdk_25_gets_a_native_terminal_through_ffm() throws Exception {
        Optional<Path> jdk25 = jdk25();
        Assumptions.assumeTrue(jdk25.isPresent(), "no JDK 25 here (set JAVA25_HOME): SKIPPED");
        assertThat(nativeTerminal(jdk25.get().resolve("bin/java").toString())).startsWith("ffm ");
    }

    /** Opens the system terminal in a real pseudo-terminal with the packaged jar, as the program does. */
    private String nativeTerminal(String java) throws Exception {
        Path found = dir.resolve("found.txt");
        String classes = Path.of(NativeTerminalProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String command = Packaged.quote(java) + " --enable-native-access=ALL-UNNAMED -cp "
                + Packaged.quote(Packaged.JAR + ":" + classes) + " " + NativeTerminalProbe.class.getName() + " " + Packaged.quote(found.toString());
        try (Tmux tmux = Tmux.start(command)) {
            assertThat(tmux.exitCode()).isZero();
        }
        return Files.readString(found).strip();
    }

    private static int javaMajor() {
        return Runtime.version().feature();
    }

    /** JDK 25 as the CI finds it (.ci/find-jdk25: JAVA25_HOME, else the usual folders). */
    static Optional<Path> jdk25() throws Exception {
        Process find = new ProcessBuilder(Packaged.ROOT.resolve(".ci/find-jdk25").toString()).redirectErrorStream(true).start();
        String out = new String(find.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(find.waitFor()).as(out).isZero();
        return out.isEmpty() ? Optional.empty() : Optional.of(Path.of(out));
    }
}

package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The program as this build packaged it, run as {@code java -jar} on failsafe's {@code spinecheck.jar}: never through
 * the launcher, so that an integration test can never start a nested build. Only {@link LauncherIT} runs the launcher.
 */
final class Packaged {
    static final Path ROOT = Path.of(System.getProperty("spinecheck.root", ".")).toAbsolutePath();
    static final Path JAR = jar();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Duration HANG_GUARD = Duration.ofMinutes(2);

    record Ran(int exitCode, String out, String err) {}

    private Packaged() {}

    private static Path jar() {
        String jar = System.getProperty("spinecheck.jar");
        assertThat(jar).as("the spinecheck.jar property (set by failsafe: run the integration tests with ./mvnw verify)").isNotBlank();
        Path path = Path.of(jar).toAbsolutePath();
        assertThat(path).as("the packaged jar").isRegularFile();
        return path;
    }

    /** {@code java [jvmOptions] -jar spinecheck.jar [args]}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The same as a shell command line, for tmux. */
    static String shellCommand(List<String> jvmOptions, String... args) {
        return command(jvmOptions, args).stream().map(Packaged::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static Ran run(List<String> jvmOptions, String... args) {
        return run(command(jvmOptions, args), Map.of());
    }

    static Ran run(String... args) {
        return run(List.of(), args);
    }

    /** Runs a command with standard input from /dev/null and a hang guard; a null value removes that variable. */
    static Ran run(List<String> command, Map<String, String> env) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            ProcessBuilder builder = new ProcessBuilder(command);
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            try {
                builder.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process process = builder.start();
                assertThat(process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
                return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        });
    }

    static Path vignette(String name) {
        return ROOT.resolve("src/test/resources/vignettes").resolve(name);
    }

    /** The public vignettes' answer files (their folder also holds expected.json, which is not one). */
    static String[] vignetteFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("src/test/resources/vignettes"))) {
            return files.filter(p -> p.getFileName().toString().matches("P\\d+\\.yaml")).sorted().map(Path::toString).toArray(String[]::new);
        }
    }
}

package dev.spinecheck.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .ci/find-jdk25}: the JDK 25 of the CI smoke run, wherever it is installed, or nothing. */
class FindJdk25Test {
    @TempDir
    Path dir;

    record Found(int exitCode, String out, String err) {}

    /** A folder that looks like a JDK whose java reports this version. */
    private Path fakeJdk(String folder, String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(folder).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-09-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve(folder);
    }

    private Found find(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(".ci/find-jdk25").toAbsolutePath().toString());
        builder.environment().remove("JAVA25_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Found(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void finds_a_jdk_25_in_the_usual_folders_and_passes_over_others() throws Exception {
        fakeJdk("jvm/java-17-openjdk-amd64", "17.0.15");
        fakeJdk("jvm/java-25-but-really-21", "21.0.2");
        Path jdk25 = fakeJdk("jvm/temurin-25-jdk-amd64", "25.0.3");

        Found found = find(Map.of("JDK_FOLDERS", dir.resolve("jvm").toString()));

        assertThat(found.exitCode()).isZero();
        assertThat(found.out()).isEqualTo(jdk25.toString());
    }

    @Test
    void java25_home_comes_first() throws Exception {
        fakeJdk("jvm/temurin-25-jdk-amd64", "25.0.3");
        Path chosen = fakeJdk("elsewhere/my-jdk", "25");

        Found found = find(Map.of("JDK_FOLDERS", dir.resolve("jvm").toString(), "JAVA25_HOME", chosen.toString()));

        assertThat(found.out()).isEqualTo(chosen.toString());
    }

    @Test
    void a_java25_home_that_is_not_java_25_is_an_error_that_says_so() throws Exception {
        Path old = fakeJdk("jvm/jdk-17", "17.0.15");

        Found found = find(Map.of("JAVA25_HOME", old.toString()));

        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(found.err()).contains("JAVA25_HOME is '" + old + "'").contains("is not a Java 25");
    }

    @Test
    void without_a_jdk_25_it_prints_nothing_for_the_caller_to_say_skipped() throws Exception {
        fakeJdk("jvm/java-17-openjdk-amd64", "17.0.15");

        Found found = find(Map.of("JDK_FOLDERS", dir.resolve("jvm").toString()));

        assertThat(found.exitCode()).isZero();
        assertThat(found.out()).isEmpty();
    }

    @Test
    void the_ci_script_says_skipped_loudly_and_uses_mktemp() throws IOException {
        String ci = Files.readString(Path.of(".ci/run"));
        assertThat(ci).contains("SKIPPED: the JDK 25 smoke run").contains("$(mktemp)").doesNotContain("batch.err");
    }
}

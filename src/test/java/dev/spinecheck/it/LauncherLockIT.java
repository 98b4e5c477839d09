package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's build lock, in a checkout whose jar is out of date and whose Maven Wrapper is a stand-in: it logs each
 * build and copies the packaged jar into place (after BUILD_SLEEP seconds, if set). No class-data archive is made.
 */
class LauncherLockIT {
    @TempDir
    Path dir;

    Path project;
    Path launcher;
    Path log;
    Path lock;

    @BeforeEach
    void aCheckoutWhoseJarIsOutOfDate() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        launcher = project.resolve("spinecheck");
        Files.copy(Packaged.ROOT.resolve("spinecheck"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Files.setLastModifiedTime(project.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(60)));
        Path mvnw = project.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/sh
                echo "start $$" >>"$BUILD_LOG"
                [ -z "${BUILD_SLEEP:-}" ] || sleep "$BUILD_SLEEP"
                mkdir -p target && cp "$BUILD_JAR" target/spinecheck.jar
                echo "end $$" >>"$BUILD_LOG"
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = dir.resolve("builds.log");
        lock = project.resolve("target/.build-lock");
    }

    ProcessBuilder launcher(String sleep, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("setsid", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectOutput(dir.resolve("out-" + System.nanoTime()).toFile()).redirectError(dir.resolve("err-" + System.nanoTime()).toFile());
        builder.environment().put("BUILD_LOG", log.toString());
        builder.environment().put("BUILD_JAR", Packaged.JAR.toString());
        builder.environment().put("BUILD_SLEEP", sleep);
        builder.environment().put("XDG_CACHE_HOME", "/dev/null");
        return builder;
    }

    /** Runs the launcher to its end: its exit code, and how long it took. */
    record Ended(int exitCode, Duration took) {}

    Ended runToTheEnd(String sleep) throws Exception {
        Instant start = Instant.now();
        Process process = launcher(sleep, "--version").start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Ended(process.exitValue(), Duration.between(start, Instant.now()));
    }

    long builds() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("start")).count() : 0;
    }

    static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    void awaitTheBuild() throws Exception {
        for (int i = 0; i < 300 && builds() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(builds()).as("the build started").isEqualTo(1);
        for (int i = 0; i < 100 && !Files.exists(lock.resolve("build")); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void builds_once_and_leaves_no_lock() throws Exception {
        Ended ended = runToTheEnd("");
        assertThat(ended.exitCode()).isZero();
        assertThat(builds()).isEqualTo(1);
        assertThat(lock).doesNotExist();
        assertThat(runToTheEnd("").exitCode()).isZero();
        assertThat(builds()).as("up to date now").isEqualTo(1);
    }

    @Test
    void a_lock_whose_owners_are_dead_is_broken_at_once() throws Exception {
        Files.createDirectories(lock);
        Files.writeString(lock.resolve("launcher"), deadPid() + "\n");
        Files.writeString(lock.resolve("build"), deadPid() + "\n");
        Ended ended = runToTheEnd("");
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(builds()).isEqualTo(1);
        assertThat(lock).doesNotExist();
        assertThat(lock.resolveSibling(".build-lock.break")).doesNotExist();
    }

    @Test
    void a_lock_without_a_pid_from_an_older_launcher_is_broken_within_seconds() throws Exception {
        Files.createDirectories(lock);
        Ended ended = runToTheEnd("");
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.took()).isLessThan(Duration.ofSeconds(15));
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void a_live_owner_is_waited_for() throws Exception {
        Process owner = new ProcessBuilder("sleep", "60").start();
        try {
            Files.createDirectories(lock);
            Files.writeString(lock.resolve("launcher"), owner.pid() + "\n");
            Process waiting = launcher("", "--version").start();
            assertThat(waiting.waitFor(3, TimeUnit.SECONDS)).as("still waiting").isFalse();
            assertThat(builds()).isZero();
            owner.destroy();
            assertThat(waiting.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.exitValue()).isZero();
            assertThat(builds()).isEqualTo(1);
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void two_launchers_at_once_build_once() throws Exception {
        Process one = launcher("2", "--version").start();
        Process two = launcher("2", "--version").start();
        assertThat(one.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).isZero();
        assertThat(two.exitValue()).isZero();
        assertThat(Files.readAllLines(log)).hasSize(2);
        assertThat(builds()).isEqualTo(1);
        assertThat(lock).doesNotExist();
    }

    @Test
    void a_launcher_killed_with_its_build_leaves_a_lock_that_the_next_one_breaks_at_once() throws Exception {
        Process killed = launcher("60", "--version").start();
        awaitTheBuild();
        assertThat(lock.resolve("launcher")).content().isEqualTo(killed.pid() + "\n");
        new ProcessBuilder("kill", "-KILL", "--", "-" + killed.pid()).start().waitFor();
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lock).as("left behind").isDirectory();
        Ended next = runToTheEnd("");
        assertThat(next.exitCode()).isZero();
        assertThat(next.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(builds()).isEqualTo(2);
        assertThat(lock).doesNotExist();
    }

    @Test
    void a_launcher_killed_alone_waits_its_build_out() throws Exception {
        Process killed = launcher("3", "--version").start();
        awaitTheBuild();
        new ProcessBuilder("kill", "-KILL", String.valueOf(killed.pid())).start().waitFor();
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Ended next = runToTheEnd("");
        assertThat(next.exitCode()).isZero();
        assertThat(builds()).as("the orphaned build finished the jar: no second build").isEqualTo(1);
        assertThat(Files.readAllLines(log)).hasSize(2);
        assertThat(lock).doesNotExist();
    }

    @Test
    void a_hang_up_removes_the_lock() throws Exception {
        Process hungUp = launcher("60", "--version").start();
        awaitTheBuild();
        new ProcessBuilder("kill", "-HUP", "--", "-" + hungUp.pid()).start().waitFor();
        assertThat(hungUp.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hungUp.exitValue()).isEqualTo(129);
        assertThat(lock).doesNotExist();
    }

    @Test
    void a_breaker_left_behind_is_removed_after_ten_tries() throws Exception {
        Files.createDirectories(lock);
        Files.writeString(lock.resolve("launcher"), deadPid() + "\n");
        Files.createDirectories(lock.resolveSibling(".build-lock.break"));
        Ended ended = runToTheEnd("");
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.took()).isLessThan(Duration.ofSeconds(30));
        assertThat(builds()).isEqualTo(1);
        assertThat(lock).doesNotExist();
        assertThat(lock.resolveSibling(".build-lock.break")).doesNotExist();
    }
}

package dev.spinecheck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small, real file system mounted for one test (root only): to fill a disk for real, or to make one read-only.
 * Tests that need it are skipped where mounting is not allowed.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Whether this process may mount a file system (it runs as root with the right to mount). */
    public static boolean available() {
        try {
            Path probe = Files.createTempDirectory("spinecheck-tmpfs-probe");
            try {
                if (run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())) {
                    run("umount", probe.toString());
                    return true;
                }
                return false;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Mounts a tmpfs of {@code kilobytes} at the folder (created if needed), private to its owner. */
    public static Tmpfs mount(Path at, int kilobytes) throws IOException {
        Files.createDirectories(at);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0700", "tmpfs", at.toString())) {
            throw new IOException("could not mount a tmpfs at " + at);
        }
        return new Tmpfs(at);
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills what is left of the disk, so that the next write fails with "No space left on device". */
    public void fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    /** Makes the file system read-only (also for root). */
    public void readOnly() throws IOException {
        if (!run("mount", "-o", "remount,ro", mountPoint.toString())) {
            throw new IOException("could not remount " + mountPoint + " read-only");
        }
    }

    @Override
    public void close() throws IOException {
        run("umount", "-l", mountPoint.toString());
    }

    private static boolean run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

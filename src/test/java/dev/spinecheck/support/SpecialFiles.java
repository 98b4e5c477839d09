package dev.spinecheck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Files that are not regular files, made for real: FIFOs, device nodes, sockets; and who the tests run as. */
public final class SpecialFiles {
    private SpecialFiles() {}

    /** Runs a system command and returns its standard output; fails the test when it fails. */
    public static String command(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    public static boolean isRoot() {
        try {
            return command("id", "-u").strip().equals("0");
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    public static Path fifo(Path path) throws IOException {
        command("mkfifo", path.toString());
        return path;
    }

    /** A character device like /dev/null (major 1, minor 3), made with mknod: only root can. */
    public static Path nullDevice(Path path) throws IOException {
        command("mknod", path.toString(), "c", "1", "3");
        return path;
    }

    /** A listening Unix-domain socket at the path; close it when done. */
    public static ServerSocketChannel socket(Path path) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        return channel;
    }

    /** The file type as stat(1) names it: "regular file", "fifo", "character special file", "symbolic link"... */
    public static String type(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "nothing";
        }
        return command("stat", "-c", "%F", path.toString()).strip();
    }

    public static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

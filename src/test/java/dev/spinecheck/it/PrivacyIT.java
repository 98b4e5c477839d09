package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing goes over the network and nothing is left behind: with class loading logged, run, batch and the
 * interactive walk load no socket or HTTP class, and the temporary folder stays empty.
 */
class PrivacyIT {
    /**
     * Classes that open connections, matched by exact name. Not among them: java.net.SocketPermission (a permission
     * the JDK's security constants create) and java.net.URLConnection (the class loader reads the jar through a
     * jar: URL); HTTP and HTTPS connections are covered by their own classes.
     */
    static final Pattern NETWORK = Pattern.compile("\\] (java\\.net\\.(Socket|ServerSocket|DatagramSocket|SocketImpl|HttpURLConnection"
            + "|http\\.\\w+)|sun\\.nio\\.ch\\.(SocketChannelImpl|NioSocketImpl|ServerSocketChannelImpl|DatagramChannelImpl|Net)"
            + "|javax\\.net\\.\\S+|sun\\.net\\.www\\.protocol\\.https?\\.\\S+|jdk\\.internal\\.net\\.http\\.\\S+) source");

    @TempDir
    Path dir;

    private static List<String> logging(Path log, Path tmp) {
        return List.of("-Xlog:class+load=info:file=" + log, "-Djava.io.tmpdir=" + tmp);
    }

    private Packaged.Ran run(List<String> jvmOptions, String... args) {
        return Packaged.run(Packaged.command(jvmOptions, args), Map.of("XDG_STATE_HOME", dir.resolve("state").toString()));
    }

    private static List<String> networkClasses(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> NETWORK.matcher(l).find()).toList();
        }
    }

    private static void empty(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).as("left in the temporary folder").isEmpty();
        }
    }

    @Test
    void the_check_recognises_network_classes_and_passes_over_permissions() {
        assertThat(NETWORK.matcher("[0.1s][info][class,load] java.net.Socket source: jrt:/java.base").find()).isTrue();
        assertThat(NETWORK.matcher("[0.1s][info][class,load] sun.nio.ch.SocketChannelImpl source: jrt:/java.base").find()).isTrue();
        assertThat(NETWORK.matcher("[0.1s][info][class,load] java.net.http.HttpClient source: jrt:/java.net.http").find()).isTrue();
        assertThat(NETWORK.matcher("[0.1s][info][class,load] java.net.SocketPermission source: jrt:/java.base").find()).isFalse();
    }

    @Test
    void run_and_batch_load_no_network_class_and_leave_no_temporary_file() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path runLog = dir.resolve("run.log");
        Path batchLog = dir.resolve("batch.log");
        List<String> batchArgs = new ArrayList<>(List.of("batch"));
        batchArgs.addAll(List.of(Packaged.vignetteFiles()));

        Packaged.Ran run = run(logging(runLog, tmp), "run", "--answers", Packaged.vignette("P09.yaml").toString());
        Packaged.Ran batch = run(logging(batchLog, tmp), batchArgs.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(batch.out().lines().filter(l -> l.contains("\"level\"")).count()).isEqualTo(Packaged.vignetteFiles().length);
        assertThat(Files.readString(runLog)).contains("dev.spinecheck.engine.Walk");
        assertThat(networkClasses(runLog)).isEmpty();
        assertThat(networkClasses(batchLog)).isEmpty();
        empty(tmp);
    }

    @Test
    void the_interactive_walk_loads_no_network_class_keeps_no_history_and_leaves_no_temporary_file() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("shell.log");
        Path home = Files.createDirectories(dir.resolve("home"));
        String command = "HOME=" + Packaged.quote(home.toString()) + " XDG_STATE_HOME=" + Packaged.quote(dir.resolve("state").toString())
                + " " + Packaged.shellCommand(logging(log, tmp));
        try (Tmux tmux = Tmux.start(command)) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "3");
            tmux.answer("operation on your spine?", "1");
            tmux.answer("accident, a fall or an injury", "serious");
            tmux.waitFor("Show my result");
            tmux.type("2");
            tmux.waitFor("type a file name");
            tmux.type("");
            assertThat(tmux.exitCode()).isZero();
        }
        assertThat(Files.readString(log)).contains("org.jline.reader.impl.LineReaderImpl");
        assertThat(networkClasses(log)).isEmpty();
        empty(tmp);
        try (Stream<Path> files = Files.walk(home)) {
            // The one file allowed: JLine's native terminal library, unpacked once into the private cache folder (JDK 17-21).
            assertThat(files.filter(Files::isRegularFile).filter(f -> !home.relativize(f).toString()
                    .matches("\\.cache/spinecheck/jline-native-[0-9a-f]+/libjlinenative\\.so")))
                    .as("nothing written in the home folder (no history file)").isEmpty();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".yaml"))).as("progress removed after the result").isEmpty();
        }
    }
}

package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spinecheck.support.SpecialFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults produced for real, through the packaged jar ({@link LauncherIT} checks the launcher's part): a full disk (a 64 KB tmpfs, /dev/full), a
 * reader that goes away, device nodes, FIFOs and /dev/stdout as outputs, a read-only place, an unreadable folder as
 * another user, no locale, standard input closed. Each asserts the message, the exit code and that nothing was lost
 * or replaced. Where this machine cannot produce a fault (no root, no mount), the test is skipped and says why.
 */
class FaultsIT {
    static final Path HARMLESS = Packaged.ROOT.resolve("questionnaires/examples/harmless.yaml");
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final String NOT_ROOT = "needs root (to mount a tmpfs, make a device node or act as another user); run the tests as root to check this fault";

    @TempDir
    Path dir;

    private final List<Path> mounts = new ArrayList<>();

    record Ran(int exitCode, String out, String err) {}

    /** Runs {@code script} with sh, its arguments in "$@", standard input from /dev/null unless the script says otherwise. */
    static Ran sh(Map<String, String> env, String script, String... args) {
        return assertTimeoutPreemptively(Packaged.HANG_GUARD, () -> {
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            assertThat(process.waitFor(Packaged.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Ran ran = new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return ran;
        });
    }

    /** The packaged jar, as {@code java -jar}. */
    static String[] jar(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = Packaged.JAVA;
        all[1] = "-jar";
        all[2] = Packaged.JAR.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }

    static Ran spinecheck(String... args) {
        return sh(Map.of(), "exec \"$@\"", jar(args));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Path folder(String name, int answerSets) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        String text = Files.readString(HARMLESS);
        for (int i = 0; i < answerSets; i++) {
            Files.writeString(folder.resolve(String.format("%05d.yaml", i)), text);
        }
        return folder;
    }

    /** A plain line for the person: no stack trace, no Java class or temporary-file names, no "bug". */
    static void plain(Ran ran) {
        assertThat(ran.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("bug").doesNotContain(".tmp")
                .doesNotContain("java.");
    }

    /** A tmpfs of this size and these options at a new folder, or the test is skipped. */
    private Path tmpfs(String name, String options) throws IOException {
        assumeTrue(SpecialFiles.isRoot(), NOT_ROOT);
        Path mount = Files.createDirectory(dir.resolve(name));
        Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString()).redirectErrorStream(true).start();
        try {
            assumeTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                    "mount -t tmpfs is not allowed here (a container without CAP_SYS_ADMIN?): "
                            + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        mounts.add(mount);
        return mount;
    }

    @AfterEach
    void unmount() throws IOException {
        for (Path mount : mounts) {
            SpecialFiles.command("umount", mount.toString());
        }
    }

    // ---- Failed writes are errors

    @Test
    void run_batch_and_help_on_dev_full_exit_74_with_one_plain_line() throws IOException {
        Path answers = folder("answers", 3);
        for (String[] args : new String[][] {{"run", "--answers", HARMLESS.toString()}, {"batch", answers.toString()}, {"--help"}}) {
            Ran ran = sh(Map.of(), "exec \"$@\" > /dev/full", jar(args));
            assertThat(ran.exitCode()).as(String.join(" ", args)).isEqualTo(74);
            assertThat(ran.err()).as(String.join(" ", args)).isEqualTo("spinecheck: cannot write the results: No space left on device"
                    + " — the output is incomplete; free some space or write elsewhere, and run again\n");
        }
    }

    @Test
    void a_batch_on_a_full_disk_exits_74_and_never_says_done() throws IOException {
        Path full = tmpfs("full", "size=64k");
        Path answers = folder("answers", 300);

        Ran ran = sh(Map.of(), "out=$1; shift; exec \"$@\" > \"$out\"", prepend(full.resolve("results.jsonl").toString(),
                jar("batch", answers.toString())));

        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(74);
        assertThat(ran.err()).isEqualTo("spinecheck: cannot write the results: No space left on device — the output is incomplete;"
                + " free some space or write elsewhere, and run again\n");
        assertThat(Files.size(full.resolve("results.jsonl"))).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void a_batch_output_file_on_a_full_disk_is_left_as_it_was() throws IOException {
        Path full = tmpfs("full", "size=64k");
        Path results = Files.writeString(full.resolve("results.jsonl"), "{\"the\": \"previous results\"}\n");
        Path answers = folder("answers", 300);

        Ran ran = spinecheck("batch", "--output", results.toString(), answers.toString());

        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(74);
        assertThat(ran.err()).isEqualTo("spinecheck: cannot write the results to " + results + ": No space left on device — " + results
                + " was not changed; free some space or choose another place, and run again\n");
        plain(new Ran(ran.exitCode(), ran.out(), ran.err()));
        assertThat(Files.readString(results)).isEqualTo("{\"the\": \"previous results\"}\n");
        assertThat(SpecialFiles.names(full)).as("no temporary file is left").containsExactly("results.jsonl");
    }

    @Test
    void a_reader_that_goes_away_stops_the_batch_at_once_and_quietly() throws Exception {
        Path answers = folder("answers", 3000);
        ProcessBuilder builder = new ProcessBuilder(jar("batch", answers.toString()));
        Path err = dir.resolve("err.txt");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectError(err.toFile());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).contains("\"source\"");
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the batch stops once nobody reads").isTrue();
        assertThat(process.exitValue()).isEqualTo(141);
        assertThat(Files.readString(err)).isEmpty();
    }

    // ---- Only regular files (and links to them) are ever replaced

    @Test
    void a_device_node_as_the_output_is_written_into_never_renamed_over() throws IOException {
        assumeTrue(SpecialFiles.isRoot(), "making a device node with mknod needs root; run the tests as root to check this fault");
        Path answers = folder("answers", 2);
        Path device = SpecialFiles.nullDevice(dir.resolve("devnull"));

        Ran ran = spinecheck("batch", "--output", device.toString(), answers.toString());

        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(SpecialFiles.type(device)).isEqualTo("character special file");
        assertThat(SpecialFiles.names(dir)).containsExactly("answers", "devnull");
    }

    @Test
    void dev_stdout_and_a_fifo_as_the_output_are_written_into_and_stay_what_they_are() throws Exception {
        Path answers = folder("answers", 2);

        Ran stdout = spinecheck("batch", "--output", "/dev/stdout", answers.toString());
        assertThat(stdout.exitCode()).as(stdout.err()).isZero();
        assertThat(stdout.out().lines().filter(l -> l.contains("\"level\":\"SELF_CARE\"")).count()).isEqualTo(2);
        assertThat(Files.isSymbolicLink(Path.of("/dev/stdout"))).isTrue();

        Path fifo = SpecialFiles.fifo(dir.resolve("results.fifo"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Ran toFifo = spinecheck("batch", "--output", fifo.toString(), answers.toString());
        assertThat(toFifo.exitCode()).as(toFifo.err()).isZero();
        assertThat(reader.get(60, TimeUnit.SECONDS).lines().count()).isEqualTo(2);
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
    }

    @Test
    void an_output_that_is_one_of_the_inputs_is_refused_and_the_answers_are_kept() throws IOException {
        Path a = Files.copy(HARMLESS, dir.resolve("a.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), a);
        Files.createDirectory(dir.resolve("sub"));
        for (String output : List.of(a.toString(), link.toString(), dir.resolve("sub/../a.yaml").toString())) {
            Ran ran = spinecheck("batch", "--output", output, a.toString());
            assertThat(ran.exitCode()).as(output).isEqualTo(2);
            assertThat(ran.err()).contains("is the input " + a + ", and the results would replace it");
            plain(ran);
            assertThat(Files.readString(a)).isEqualTo(Files.readString(HARMLESS));
        }
    }

    // ---- Output problems are found before the work

    @Test
    void a_missing_folder_and_a_folder_as_the_output_exit_73_before_any_work() throws IOException {
        Path answers = folder("answers", 2);
        Ran missing = spinecheck("batch", "--output", dir.resolve("nowhere/results.jsonl").toString(), answers.toString());
        assertThat(missing.exitCode()).isEqualTo(73);
        assertThat(missing.err()).isEqualTo("spinecheck batch: cannot write the results there: the folder " + dir.resolve("nowhere")
                + " does not exist — create it first, or choose another place\n");
        Ran folder = spinecheck("batch", "--output", answers.toString(), answers.toString());
        assertThat(folder.exitCode()).isEqualTo(73);
        assertThat(folder.err()).contains(answers + " is a folder — give a file name");
        Ran report = spinecheck("run", "--answers", HARMLESS.toString(), "--report", dir.resolve("nowhere/summary.md").toString());
        assertThat(report.exitCode()).isEqualTo(73);
        assertThat(report.out()).as("nothing was screened").isEmpty();
        for (Ran ran : List.of(missing, folder, report)) {
            plain(ran);
        }
    }

    @Test
    void a_read_only_place_exits_73_before_any_work() throws IOException {
        Path answers = folder("answers", 2);
        Path place;
        String expected;
        if (SpecialFiles.isRoot()) {
            place = tmpfs("read-only", "ro,size=64k");
            expected = place + " is on a read-only file system — choose another place";
        } else {
            place = Files.createDirectory(dir.resolve("read-only"));
            Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("r-xr-xr-x"));
            expected = "you may not create files in " + place + " — choose another place";
        }
        Ran ran = spinecheck("batch", "--output", place.resolve("results.jsonl").toString(), answers.toString());

        assertThat(ran.exitCode()).isEqualTo(73);
        assertThat(ran.err()).isEqualTo("spinecheck batch: cannot write the results there: " + expected + "\n");
        assertThat(ran.out()).isEmpty();
        plain(ran);
    }

    // ---- Every input on its own

    @Test
    void an_unreadable_folder_is_one_error_and_the_batch_goes_on() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(Packaged.JAR, dir.resolve("spinecheck.jar"));
        Path good = Files.copy(HARMLESS, dir.resolve("good.yaml"));
        Path locked = folder("locked", 2);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        String java = Packaged.JAVA;
        // Root reads every folder: the batch then runs as the user nobody, for whom the folder is closed.
        String as = SpecialFiles.isRoot() ? "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$@\"" : "exec \"$@\"";
        if (!SpecialFiles.isRoot()) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        }
        try {
            Ran ran = sh(Map.of(), as, java, "-jar", jar.toString(), "batch", locked.toString(), good.toString());

            List<String> lines = ran.out().lines().toList();
            assertThat(lines).as(ran.err()).hasSize(2);
            assertThat(lines.get(0)).contains("\"source\":\"" + locked + "\"").contains(locked + ": permission denied — check that you may read it");
            assertThat(lines.get(1)).contains("\"level\":\"SELF_CARE\"");
            assertThat(ran.exitCode()).isEqualTo(66);
            plain(ran);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void an_input_that_vanishes_while_the_batch_runs_is_one_error_and_the_batch_goes_on() throws Exception {
        Path later = Files.copy(HARMLESS, dir.resolve("later.yaml"));
        Path laterFolder = folder("later-folder", 1);
        Path good = Files.copy(HARMLESS, dir.resolve("good.yaml"));
        ProcessBuilder builder = new ProcessBuilder(jar("batch", "-", later.toString(), laterFolder.toString(), good.toString()));
        Path out = dir.resolve("out.txt");
        builder.redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        // The batch reads standard input first: while it waits there, the later inputs disappear.
        Files.delete(later);
        Files.delete(laterFolder.resolve("00000.yaml"));
        Files.delete(laterFolder);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("{\"answers\": {\"age\": 40, \"pain_region\": [\"neck\"], \"spine_surgery\": \"none\", \"injury\": \"serious\"}}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("\"level\":\"EMERGENCY\"");
        assertThat(lines.get(1)).contains(later + ": no such file");
        assertThat(lines.get(2)).contains(laterFolder + ": no such file");
        assertThat(lines.get(3)).contains("\"level\":\"SELF_CARE\"");
        assertThat(process.exitValue()).isEqualTo(66);
    }

    /** Creates a file whose name is exactly these bytes, whatever the locale of this JVM. */
    private static Path rawName(Path folder, String percentEncoded) throws IOException {
        return Files.copy(HARMLESS, Path.of(URI.create(folder.toUri() + percentEncoded)));
    }

    static Map<String, String> noLocale() {
        Map<String, String> env = new HashMap<>();
        env.put("LANG", null);
        env.put("LC_ALL", null);
        env.put("LC_CTYPE", null);
        return env;
    }

    /** café.yaml in a folder, naïve.yaml and caf\xE9.yaml (Latin-1, not UTF-8) as arguments, and one missing: by printf. */
    private static final String NAMES = "cd \"$1\"; shift; exec \"$@\" batch names \"$(printf 'na\\303\\257ve.yaml')\""
            + " \"$(printf 'caf\\351.yaml')\" \"$(printf 'gone\\351.yaml')\"";

    /** Without a locale, file names that are not ASCII (and one that is not even UTF-8) are read and shown as themselves. */
    static void nonAsciiNamesWork(Path dir, Map<String, String> env, String... program) throws IOException {
        Path names = Files.createDirectory(dir.resolve("names"));
        rawName(names, "caf%C3%A9.yaml");
        rawName(dir, "na%C3%AFve.yaml");
        rawName(dir, "caf%E9.yaml");

        Ran ran = sh(env, NAMES, prepend(dir.toString(), program));

        List<String> lines = ran.out().lines().toList();
        assertThat(lines).as(ran.err()).hasSize(4);
        assertThat(lines.get(0)).contains("\"source\":\"names/café.yaml\"").contains("\"level\":\"SELF_CARE\"");
        assertThat(lines.get(1)).contains("\"source\":\"naïve.yaml\"").contains("\"level\":\"SELF_CARE\"");
        assertThat(lines.get(2)).contains("\"source\":\"caf\\\\xE9.yaml\"").contains("\"level\":\"SELF_CARE\"");
        assertThat(lines.get(3)).contains("gone\\\\xE9.yaml: no such file");
        assertThat(ran.exitCode()).isEqualTo(66);
        plain(ran);
    }

    @Test
    void without_a_locale_non_ascii_file_names_work_through_the_jar_on_jdk_17() throws IOException {
        nonAsciiNamesWork(dir, noLocale(), jar());
    }

    @Test
    void without_a_locale_non_ascii_file_names_work_through_the_jar_on_jdk_25() throws IOException {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        String[] program = jar();
        program[0] = JDK25.resolve("bin/java").toString();
        nonAsciiNamesWork(dir, noLocale(), program);
    }

    /** A name that is not UTF-8 is found after an option's equals sign too ({@code --answers=caf\xE9.yaml}). */
    @Test
    void without_a_locale_a_non_utf8_name_after_an_equals_sign_is_found_too() throws IOException {
        rawName(dir, "caf%E9.yaml");

        Ran ran = sh(noLocale(), "cd \"$1\"; shift; exec \"$@\" run --format json \"--answers=$(printf 'caf\\351.yaml')\"",
                prepend(dir.toString(), jar()));

        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("\"level\":\"SELF_CARE\"");
    }

    /** {@code run --answers -} and {@code batch -} with standard input closed ({@code <&-}) say there is no input. */
    static void standardInputClosedSaysSo(String... program) {
        Ran one = sh(Map.of(), "exec \"$@\" <&-", concat(program, "run", "--answers", "-"));
        assertThat(one.exitCode()).as(one.err()).isEqualTo(66);
        assertThat(one.err()).contains("spinecheck run: --answers - reads standard input, but there is no standard input: it is closed"
                + " — give the answer file's name, or pipe the answers in (spinecheck run --answers - < answers.yaml)\n");
        Ran batch = sh(Map.of(), "exec \"$@\" <&-", concat(program, "batch", "-"));
        assertThat(batch.exitCode()).as(batch.err()).isEqualTo(66);
        assertThat(batch.out().lines().toList()).hasSize(1).allMatch(l -> l.contains("-: there is no standard input: it is closed"));
        assertThat(batch.err()).contains("1 answer set").contains("errors 1");
    }

    @Test
    void standard_input_closed_says_there_is_no_input() {
        standardInputClosedSaysSo(jar());
    }

    static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}

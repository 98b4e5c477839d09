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

    /** The class-data archives of these tests go here, never into the user's own cache folder. */
    @TempDir
    static Path cache;

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

    /** Runs the launcher with the tests' cache folder unless {@code env} names one (a null value unsets it). */
    static Packaged.Ran run(Path launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Map<String, String> withCache = new HashMap<>(env);
        if (!withCache.containsKey("XDG_CACHE_HOME")) {
            withCache.put("XDG_CACHE_HOME", cache.toString());
        }
        return Packaged.run(command, withCache);
    }

    /** The launcher as a program for FaultsIT's helpers: through env(1), with the tests' cache folder. */
    static String[] program() {
        return new String[] {"env", "XDG_CACHE_HOME=" + cache, launcher.toString()};
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

    @Test
    void without_a_locale_the_launcher_makes_file_names_utf8_on_jdk_17() throws IOException {
        FaultsIT.nonAsciiNamesWork(dir, FaultsIT.noLocale(), program());
    }

    @Test
    void without_a_locale_the_launcher_makes_file_names_utf8_on_jdk_25() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(FaultsIT.JDK25.resolve("bin/java")), "no JDK 25 at " + FaultsIT.JDK25);
        Map<String, String> env = FaultsIT.noLocale();
        env.put("JAVA_HOME", FaultsIT.JDK25.toString());
        FaultsIT.nonAsciiNamesWork(dir, env, program());
    }

    @Test
    void with_standard_input_closed_the_launcher_says_there_is_no_input() {
        FaultsIT.standardInputClosedSaysSo(program());
    }

    /** The JVM's final flags, as -XX:+PrintFlagsFinal prints them: name to value. */
    static Map<String, String> flags(Packaged.Ran ran) {
        Map<String, String> flags = new HashMap<>();
        ran.out().lines().map(String::trim).map(l -> l.split("\\s+")).filter(w -> w.length >= 4 && "=".equals(w[2]))
                .forEach(w -> flags.put(w[1], w[3]));
        return flags;
    }

    @Test
    void a_collector_or_a_compiler_named_in_java_opts_wins_over_the_launchers_own() {
        Map<String, String> single = flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version"));
        assertThat(single).containsEntry("UseG1GC", "true").containsEntry("TieredStopAtLevel", "1")
                .containsEntry("InitialHeapSize", String.valueOf(8 << 20)).containsEntry("UsePerfData", "false");
        Packaged.Ran small = run(launcher, Map.of("JAVA_OPTS", "-Xmx6m -XX:+PrintFlagsFinal"), "--version");
        assertThat(small.exitCode()).as("a largest heap below the launcher's first heap: " + small.err()).isZero();
        assertThat(flags(small)).containsEntry("MaxHeapSize", String.valueOf(6 << 20));
        for (String gc : List.of("Serial", "Parallel", "Z")) {
            Packaged.Ran ran = run(launcher, Map.of("JAVA_OPTS", "-XX:+Use" + gc + "GC -XX:+PrintFlagsFinal"), "--version");
            assertThat(ran.exitCode()).as(gc + ": " + ran.err()).isZero();
            assertThat(flags(ran)).as(gc).containsEntry("Use" + gc + "GC", "true").containsEntry("UseG1GC", "false");
            assertThat(ran.out()).contains("spinecheck ");
        }
        for (String gc : List.of("G1", "Parallel")) {
            Packaged.Ran batch = run(launcher, Map.of("JAVA_OPTS", "-XX:+Use" + gc + "GC -XX:+PrintFlagsFinal"), "batch", "--help");
            assertThat(batch.exitCode()).as(gc + " in a batch: " + batch.err()).isZero();
            assertThat(flags(batch)).as(gc + " in a batch").containsEntry("Use" + gc + "GC", "true").containsEntry("UseSerialGC", "false");
        }
        Packaged.Ran toolOptions = run(launcher, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"), "--version");
        assertThat(toolOptions.exitCode()).as(toolOptions.err()).isZero();
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), "--version")))
                .containsEntry("TieredStopAtLevel", "4");
        Packaged.Ran noTiers = run(launcher, Map.of("JAVA_OPTS", "-XX:-TieredCompilation -XX:+PrintFlagsFinal"), "--version");
        assertThat(noTiers.exitCode()).as(noTiers.err()).isZero();
        assertThat(flags(noTiers)).containsEntry("TieredCompilation", "false").containsEntry("TieredStopAtLevel", "4");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-Xss2m -XX:+PrintFlagsFinal"), "--version")))
                .as("JAVA_OPTS come last: any option of the launcher's is overridden").containsEntry("ThreadStackSize", "2048");
    }

    @Test
    void a_batch_compiles_early_with_the_quick_compiler_even_after_options() {
        Map<String, String> batch = flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "batch", "--help"));
        assertThat(batch).containsEntry("TieredStopAtLevel", "1").as("a batch's collector").containsEntry("UseSerialGC", "true")
                .as("a batch compiles its screening early").containsEntry("CompileThresholdScaling", "0.100000");
        assertThat(batch.get("InitialHeapSize")).as("a batch's heap is the JVM's choice").isNotEqualTo(String.valueOf(8 << 20));
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--debug", "--plain", "batch", "--help")))
                .containsEntry("CompileThresholdScaling", "0.100000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "-q", "batch", "--version")))
                .as("an option's value is not the command").containsEntry("CompileThresholdScaling", "1.000000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "run", "--answers", "batch")))
                .containsEntry("CompileThresholdScaling", "20.000000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), "batch", "--help")))
                .as("JAVA_OPTS choosing the compiler win").containsEntry("TieredStopAtLevel", "4").containsEntry("CompileThresholdScaling", "1.000000");
    }

    @Test
    void a_batch_of_files_over_300_mb_compiles_as_a_small_one(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path large = folder.resolve("-large.jsonl");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(301L << 20);
        }
        Path small = Files.writeString(folder.resolve("small.jsonl"), "{}\n");
        Map<String, String> flags = flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "batch", small.toString(),
                large.toString(), "--help"));
        // The same compiler at any length, so that the peak memory is the same too.
        assertThat(flags).containsEntry("TieredStopAtLevel", "1").containsEntry("CompileThresholdScaling", "0.100000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "batch", small.toString(), folder.toString(), "--help")))
                .containsEntry("TieredStopAtLevel", "1").containsEntry("CompileThresholdScaling", "0.100000");
    }

    @Test
    void a_run_of_an_answer_file_compiles_only_what_runs_thousands_of_times_unless_java_opts_choose() {
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "run", "--answers", "a.yaml", "--help")))
                .containsEntry("CompileThresholdScaling", "20.000000").containsEntry("TieredStopAtLevel", "1");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "run", "--help")))
                .as("the interactive screening starts sooner without").containsEntry("CompileThresholdScaling", "1.000000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "validate", "--help")))
                .as("a longer command keeps the JVM's thresholds").containsEntry("CompileThresholdScaling", "1.000000");
        assertThat(flags(run(launcher, Map.of("JAVA_OPTS", "-XX:CompileThresholdScaling=2 -XX:+PrintFlagsFinal"), "run", "-a", "a.yaml",
                "--help")))
                .containsEntry("CompileThresholdScaling", "2.000000");
    }

    /** Each top-level option that takes a value (as --help lists them) is known to the launcher, which skips the value. */
    @Test
    void the_launcher_knows_every_top_level_option_that_takes_a_value() throws IOException {
        String script = Files.readString(launcher);
        Packaged.Ran help = Packaged.run("--help");
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("(?m)^ {2,}(?:(-\\w), )?(--[\\w-]+)=").matcher(help.out());
        List<String> names = new ArrayList<>();
        while (option.find()) {
            if (option.group(1) != null) {
                names.add(option.group(1));
            }
            names.add(option.group(2));
        }
        assertThat(names).contains("-q", "--questionnaire", "--save");
        for (String name : names) {
            assertThat(script).as(name).containsPattern("[ |]" + java.util.regex.Pattern.quote(name) + "[ )]");
        }
    }

    @Test
    void cdpath_does_not_lead_the_launcher_astray() throws IOException {
        Path decoy = Files.createDirectories(dir.resolve("decoy").resolve(home.getFileName()));
        Files.writeString(decoy.resolve("pom.xml"), "<project/>");
        Packaged.Ran ran = Packaged.run(List.of("sh", "-c", "cd \"$1\" && CDPATH=\"$2\" exec \"$3/spinecheck\" --version", "sh",
                home.getParent().toString(), dir.resolve("decoy").toString(), home.getFileName().toString()),
                Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).startsWith("spinecheck ");
    }

    static List<Path> files(Path folder, String ending) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
        }
    }

    /** A Java that logs each of its command lines to {@code log}, and fails to dump an archive when told to. */
    static Path loggingJava(Path jdk, Path log, boolean dumpFails) throws IOException {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$*\" >>" + Packaged.quote(log.toString()) + "\n"
                + (dumpFails ? "case \" $* \" in *' -Xshare:dump '*) exit 1 ;; esac\n" : "")
                + "exec " + Packaged.quote(Packaged.JAVA) + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    static long lines(Path log, String containing) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(containing)).count() : 0;
    }

    @Test
    void the_static_class_data_archive_is_kept_in_a_private_cache_folder_one_per_jar_and_java_and_used() throws IOException {
        Path own = dir.resolve("cache");
        Path folder = own.resolve("spinecheck");
        assertThat(run(launcher, Map.of("XDG_CACHE_HOME", own.toString()), "--version").exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        List<Path> archives = files(folder, ".jsa");
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).contains("spinecheck.jar").contains("java");
        try (java.util.stream.Stream<Path> all = Files.list(folder)) {
            assertThat(all).as("no training files left").allMatch(f -> f.getFileName().toString().endsWith(".jsa"));
        }
        assertThat(files(home.resolve("target"), ".jsa")).as("nothing beside the jar").isEmpty();
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archives.get(0));

        // -Xshare:on stops the JVM when the archive cannot be used; picocli's (Java 5) classes come from it. (--debug: a
        // command line that picocli reads; run with --answers alone is read without it.)
        Path log = dir.resolve("classes.log");
        Packaged.Ran used = run(launcher, Map.of("XDG_CACHE_HOME", own.toString(), "JAVA_OPTS",
                "-Xshare:on -Xlog:class+load=info:file=" + log), "--debug", "run", "--answers", Packaged.vignette("P03.yaml").toString());
        assertThat(used.exitCode()).as(used.err()).isZero();
        assertThat(used.out()).startsWith("EMERGENCY — now");
        assertThat(Files.readString(log)).contains("picocli.CommandLine source: shared objects file")
                .contains("dev.spinecheck.cli.Cli source: shared objects file");
        assertThat(Files.getLastModifiedTime(archives.get(0))).as("made once").isEqualTo(made);

        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(FaultsIT.JDK25.resolve("bin/java")), "no JDK 25 at " + FaultsIT.JDK25);
        Packaged.Ran on25 = run(launcher, Map.of("XDG_CACHE_HOME", own.toString(), "JAVA_HOME", FaultsIT.JDK25.toString(),
                "JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(on25.exitCode()).as(on25.err()).isZero();
        assertThat(on25.out()).contains("Java 25");
        assertThat(files(folder, ".jsa")).as("one for each Java").hasSize(2);
    }

    @Test
    void the_archive_holds_what_g1_maps_even_when_java_opts_name_another_collector() throws IOException {
        // One processor: the JVM's own choice would be the serial collector, which archives no heap objects. JAVA_OPTS
        // never reach the dump, so a collector named there must not take G1's place in it.
        Path own = dir.resolve("cache-g1");
        Map<String, String> small = Map.of("XDG_CACHE_HOME", own.toString(), "JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=1");
        Map<String, String> first = new java.util.HashMap<>(small);
        first.put("JAVA_OPTS", "-XX:+UseSerialGC");
        assertThat(run(launcher, first, "--version").exitCode()).isZero();
        Path log = dir.resolve("cds.log");
        Map<String, String> later = new java.util.HashMap<>(small);
        later.put("JAVA_OPTS", "-Xshare:on -Xlog:cds=info:file=" + log);
        Packaged.Ran ran = run(launcher, later, "--version");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(Files.readString(log)).contains("full module graph: enabled");
    }

    @Test
    void a_rebuilt_jar_gets_a_new_archive() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy/target"));
        Files.copy(launcher, copy.resolveSibling("spinecheck"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = Files.copy(Packaged.JAR, copy.resolve("spinecheck.jar"));
        Path log = dir.resolve("java.log");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "JAVA_HOME", loggingJava(dir.resolve("jdk"), log, false).toString());
        assertThat(run(copy.resolveSibling("spinecheck"), env, "--version").exitCode()).isZero();
        assertThat(run(copy.resolveSibling("spinecheck"), env, "--version").exitCode()).isZero();
        assertThat(lines(log, "-Xshare:dump")).isEqualTo(1);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(run(copy.resolveSibling("spinecheck"), env, "--version").exitCode()).isZero();
        assertThat(lines(log, "-Xshare:dump")).isEqualTo(2);
    }

    @Test
    void a_cache_that_cannot_be_written_is_never_tried_and_a_failed_dump_is_not_retried() throws IOException {
        Path log = dir.resolve("java.log");
        Path blocked = Files.writeString(dir.resolve("a-file"), "a file where the cache folder should be");
        Map<String, String> unwritable = Map.of("XDG_CACHE_HOME", blocked.toString(),
                "JAVA_HOME", loggingJava(dir.resolve("jdk"), log, false).toString());
        for (int i = 0; i < 2; i++) {
            Packaged.Ran ran = run(launcher, unwritable, "--version");
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            assertThat(ran.err()).isEmpty();
        }
        assertThat(lines(log, "")).as("only the runs themselves").isEqualTo(2);
        assertThat(run(launcher, Map.of("HOME", dir.resolve("no-home").toString(), "XDG_CACHE_HOME", "relative/cache",
                "JAVA_HOME", dir.resolve("jdk").toString()), "--version").exitCode()).isZero();
        assertThat(lines(log, "")).as("a relative XDG_CACHE_HOME is ignored").isEqualTo(3);
        assertThat(home.resolve("relative")).doesNotExist();
        assertThat(dir.resolve("no-home")).as("a home folder that does not exist is not made").doesNotExist();

        Path failing = dir.resolve("failing.log");
        Path cacheFolder = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cacheFolder.toString(),
                "JAVA_HOME", loggingJava(dir.resolve("jdk-failing"), failing, true).toString());
        for (int i = 0; i < 3; i++) {
            Packaged.Ran ran = run(launcher, env, "--version");
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            assertThat(ran.out()).startsWith("spinecheck ");
            assertThat(ran.err()).isEmpty();
        }
        assertThat(lines(failing, "-Xshare:dump")).as("tried once").isEqualTo(1);
        assertThat(files(cacheFolder.resolve("spinecheck"), ".jsa")).isEmpty();
        assertThat(files(cacheFolder.resolve("spinecheck"), ".failed")).hasSize(1);
        try (java.util.stream.Stream<Path> all = Files.list(cacheFolder.resolve("spinecheck"))) {
            assertThat(all).as("no training files left").hasSize(1);
        }
    }

    @Test
    void a_read_only_cache_folder_is_never_tried() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write a read-only folder");
        Path folder = Files.createDirectories(dir.resolve("cache/spinecheck"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        Path log = dir.resolve("java.log");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "JAVA_HOME", loggingJava(dir.resolve("jdk"), log, false).toString());
        assertThat(run(launcher, env, "--version").exitCode()).isZero();
        assertThat(lines(log, "")).isEqualTo(1);
    }

    /** Every process the launcher starts costs start-up CPU: with the jar built and its archive made, it needs no tool but find. */
    @Test
    void a_normal_run_needs_no_tool_but_find_and_an_installed_copy_none() throws IOException {
        String javaHome = Path.of(Packaged.JAVA).getParent().getParent().toString();
        assertThat(run(launcher, Map.of("JAVA_HOME", javaHome), "--version").exitCode()).as("the archive made").isZero();
        Path bin = Files.createDirectories(dir.resolve("only-find"));
        Files.createSymbolicLink(bin.resolve("find"), Path.of(Files.isExecutable(Path.of("/usr/bin/find")) ? "/usr/bin/find" : "/bin/find"));
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin.toString(), "LANG", "C.UTF-8",
                "JAVA_HOME", javaHome));
        env.put("LC_ALL", null);
        env.put("LC_CTYPE", null);
        Path log = dir.resolve("classes.log");
        env.put("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log);
        // A screening that picocli reads (--debug), not --version or run --answers alone: those are read without it.
        Packaged.Ran ran = run(launcher, env, "--debug", "run", "--answers", home.resolve("questionnaires/examples/harmless.yaml").toString(),
                "--format", "json");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).startsWith("{\"questionnaire\"");
        assertThat(Files.readString(log)).contains("picocli.CommandLine source: shared objects file");

        Path installed = dir.resolve("installed");
        Files.createDirectories(installed.resolve("bin"));
        Files.createDirectories(installed.resolve("lib"));
        Files.createDirectories(installed.resolve("questionnaires/examples"));
        Files.copy(launcher, installed.resolve("bin/spinecheck"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Packaged.JAR, installed.resolve("lib/spinecheck.jar"));
        Files.copy(home.resolve("questionnaires/examples/harmless.yaml"), installed.resolve("questionnaires/examples/harmless.yaml"));
        env.put("PATH", "");
        env.remove("JAVA_OPTS");
        Packaged.Ran bare = run(installed.resolve("bin/spinecheck"), env, "--version");
        assertThat(bare.exitCode()).as(bare.err()).isZero();
        assertThat(bare.out()).startsWith("spinecheck ");
    }
}

package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.spinecheck.cli.Cli;
import dev.spinecheck.cli.Io;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The install archive as a new user gets it: unpacked into an empty folder, run through {@code bin/spinecheck} from
 * another working directory with no Maven anywhere on the PATH, its man pages read with {@code man -l}, and its bash
 * completion asked for words the way bash asks.
 */
class DistributionIT {
    static final Path ARCHIVE = Path.of(System.getProperty("spinecheck.dist", "target/spinecheck-0.1.0.tar.gz"));
    static final String VERSION = ARCHIVE.getFileName().toString().replaceAll("^spinecheck-|\\.tar\\.gz$", "");
    /** The only tools on the PATH of a run: what a POSIX shell script needs, and no Maven. */
    static final List<String> TOOLS = List.of("sh", "bash", "dirname", "ls", "sed", "find", "head", "mkdir", "rmdir",
            "sleep", "cksum", "cut", "mv", "rm", "cat", "printf", "awk");

    @TempDir
    static Path temp;

    static Path install;
    static Path tools;
    static Path elsewhere;

    record Ran(int exitCode, String out, String err) {}

    @BeforeAll
    static void unpack() throws Exception {
        Path unpacked = Files.createDirectories(temp.resolve("opt"));
        Ran tar = exec(List.of("tar", "-xzf", ARCHIVE.toAbsolutePath().toString(), "-C", unpacked.toString()), Map.of(), temp);
        assertThat(tar.exitCode()).as(tar.err()).isZero();
        install = unpacked.resolve("spinecheck-" + VERSION);
        tools = Files.createDirectories(temp.resolve("tools"));
        for (String tool : TOOLS) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(folder, tool);
                if (Files.isExecutable(real) && !Files.exists(tools.resolve(tool))) {
                    Files.createSymbolicLink(tools.resolve(tool), real);
                }
            }
        }
        elsewhere = Files.createDirectories(temp.resolve("somewhere else"));
    }

    /** The links to system tools go before the temporary folder is cleaned (JUnit warns about each one otherwise). */
    @AfterAll
    static void removeLinks() throws IOException {
        for (Path link : List.of(tools, temp.resolve("home/bin"))) {
            if (Files.isDirectory(link)) {
                try (Stream<Path> links = Files.list(link)) {
                    for (Path p : links.toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** A run of the installed program, as a person with only the unpacked folder and a Java would run it. */
    static Ran spinecheck(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(install.resolve("bin/spinecheck").toString());
        command.addAll(List.of(args));
        return exec(command, userEnvironment(), elsewhere);
    }

    static Map<String, String> userEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", temp.resolve("home").toString());
        env.put("XDG_CACHE_HOME", null);
        env.put("JAVA_OPTS", null);
        env.put("MAVEN_HOME", null);
        env.put("M2_HOME", null);
        return env;
    }

    static Ran exec(List<String> command, Map<String, String> env, Path workingDirectory) throws Exception {
        return assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = Files.createTempFile(temp, "out", ".txt");
            Path err = Files.createTempFile(temp, "err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            assertThat(process.waitFor(110, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        });
    }

    /** A man page for spinecheck and one for each of its commands, as the program has them. */
    static List<String> pages() {
        java.io.StringWriter sink = new java.io.StringWriter();
        Io io = new Io(java.io.InputStream.nullInputStream(), new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), Map.of());
        List<String> pages = new ArrayList<>(List.of("spinecheck"));
        Cli.commandLine(io).getSubcommands().keySet().forEach(name -> pages.add("spinecheck-" + name));
        assertThat(pages).contains("spinecheck-run", "spinecheck-batch", "spinecheck-export");
        return pages;
    }

    static Path vignettes() {
        return Packaged.ROOT.resolve("src/test/resources/vignettes").toAbsolutePath();
    }

    @Test
    void the_archive_holds_the_launcher_the_jar_the_man_pages_the_completion_and_the_readme() {
        assertThat(install.resolve("bin/spinecheck")).isExecutable();
        assertThat(install.resolve("lib/spinecheck.jar")).isRegularFile();
        assertThat(install.resolve("README.md")).isRegularFile();
        assertThat(install.resolve("THIRD-PARTY-NOTICES.md")).isRegularFile();
        assertThat(install.resolve("completion/spinecheck.bash")).isRegularFile();
        assertThat(install.resolve("completion/_spinecheck")).content().startsWith("#compdef spinecheck\n");
        assertThat(install.resolve("questionnaires/examples/harmless.yaml")).isRegularFile();
        for (String schema : List.of("questionnaire", "answers", "tests")) {
            assertThat(install.resolve("schemas/" + schema + ".schema.json")).isRegularFile();
        }
        for (String page : pages()) {
            assertThat(install.resolve("man/man1/" + page + ".1")).isRegularFile();
        }
    }

    @Test
    void the_zip_holds_the_same_files_as_the_tar_with_the_launcher_executable() throws Exception {
        Map<String, Integer> modes = zipModes(ARCHIVE.resolveSibling("spinecheck-" + VERSION + ".zip"));
        TreeSet<String> inZip = new TreeSet<>();
        modes.keySet().stream().filter(name -> !name.endsWith("/")).forEach(inZip::add);
        TreeSet<String> inTar = new TreeSet<>();
        try (Stream<Path> files = Files.walk(install.getParent())) {
            files.filter(Files::isRegularFile).forEach(p -> inTar.add(install.getParent().relativize(p).toString()));
        }
        assertThat(inZip).isEqualTo(inTar);
        assertThat(modes.get("spinecheck-" + VERSION + "/bin/spinecheck") & 0777).isEqualTo(0755);
        assertThat(modes.get("spinecheck-" + VERSION + "/README.md") & 0777).isEqualTo(0644);
    }

    /** The Unix mode of each entry, from the zip's central directory (java.util.zip does not expose it). */
    static Map<String, Integer> zipModes(Path zip) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = bytes.limit() - 22;
        while (end >= 0 && bytes.getInt(end) != 0x06054b50) {
            end--;
        }
        assertThat(end).as("end of the central directory").isNotNegative();
        int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
        int at = bytes.getInt(end + 16);
        Map<String, Integer> modes = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            assertThat(bytes.getInt(at)).as("central directory entry").isEqualTo(0x02014b50);
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            int external = bytes.getInt(at + 38);
            byte[] name = new byte[nameLength];
            bytes.get(at + 46, name);
            modes.put(new String(name, StandardCharsets.UTF_8), external >>> 16);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }

    @Test
    void there_is_no_maven_on_the_path_of_the_runs() throws Exception {
        Ran which = exec(List.of(tools.resolve("sh").toString(), "-c", "command -v mvn || command -v mvnw"),
                userEnvironment(), elsewhere);
        assertThat(which.exitCode()).as(which.out()).isNotZero();
    }

    @Test
    void every_public_vignette_gives_its_level_through_the_installed_launcher_from_another_folder() throws Exception {
        JsonNode expected = Json.parse(Files.readString(vignettes().resolve("expected.json")));
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            Ran run = spinecheck("run", "--answers", vignettes().resolve(e.getKey() + ".yaml").toString(), "--format", "json");
            assertThat(run.exitCode()).as(e.getKey() + ": " + run.err()).isZero();
            JsonNode result = Json.parse(run.out());
            assertThat(result.path("level").asString()).as(e.getKey()).isEqualTo(e.getValue().path("level").asString());
            assertThat(Json.flagIds(result)).as(e.getKey()).containsExactlyElementsOf(
                    e.getValue().path("flags").valueStream().map(JsonNode::asString).toList());
        }
        assertThat(temp.resolve("home/.cache/spinecheck")).as("the class-data archive goes to the user's cache")
                .isDirectoryContaining(p -> p.getFileName().toString().endsWith(".jsa"));
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).as("nothing written into the working directory").isEmpty();
        }
    }

    @Test
    void batch_and_version_work_through_a_link_on_the_path() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("home/bin"));
        Path link = bin.resolve("spinecheck");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, install.resolve("bin/spinecheck"));
        }
        Map<String, String> env = userEnvironment();
        env.put("PATH", bin + ":" + tools);
        Ran version = exec(List.of(tools.resolve("sh").toString(), "-c", "spinecheck --version"), env, elsewhere);
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("spinecheck " + VERSION);

        List<String> batch = new ArrayList<>(List.of(tools.resolve("sh").toString(), "-c", "spinecheck batch \"$@\"", "sh"));
        try (Stream<Path> files = Files.list(vignettes())) {
            files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> batch.add(p.toString()));
        }
        Ran ran = exec(batch, env, elsewhere);
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.err()).contains("errors 0");
    }

    @Test
    void the_man_pages_render_with_man() throws Exception {
        Map<String, String> env = Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat", "LC_ALL", "C.UTF-8");
        Ran probe = exec(List.of("sh", "-c", "command -v man"), Map.of(), temp);
        assertThat(probe.exitCode()).as("man is installed (.ci/run installs man-db)").isZero();
        for (String page : pages()) {
            Ran man = exec(List.of("man", "-l", "man/man1/" + page + ".1"), env, install);
            assertThat(man.exitCode()).as(page + ": " + man.err()).isZero();
            assertThat(man.out()).as(page).contains(page.toUpperCase(java.util.Locale.ROOT) + "(1)").contains("NAME").contains("SYNOPSIS");
        }
        Ran root = exec(List.of("man", "-l", "man/man1/spinecheck.1"), env, install);
        assertThat(root.out()).contains("EMERGENCY").doesNotContain("<<").doesNotContain("::");
        Ran run = exec(List.of("man", "-l", "man/man1/spinecheck-run.1"), env, install);
        assertThat(run.out()).contains("--answers");
    }

    /** Bash's completion as bash itself calls it: the function registered for spinecheck, with COMP_WORDS set. */
    static List<String> complete(String... words) throws Exception {
        String line = String.join(" ", words);
        String script = "source completion/spinecheck.bash\n"
                + "function=$(complete -p spinecheck | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n"
                + "COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"" + line + "\"; COMP_POINT=${#COMP_LINE}\n"
                + "\"$function\" spinecheck \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", script, "bash"));
        command.addAll(List.of(words));
        Ran ran = exec(command, Map.of(), install);
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        return ran.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void bash_completion_offers_run_for_r() throws Exception {
        assertThat(complete("spinecheck", "r")).containsExactly("run");
    }

    @Test
    void bash_completion_offers_answers_for_run_ans() throws Exception {
        assertThat(complete("spinecheck", "run", "--ans")).containsExactly("--answers");
    }

    @Test
    void bash_completion_offers_every_command_for_an_empty_word() throws Exception {
        assertThat(complete("spinecheck", "")).contains("run", "batch", "validate", "test");
    }

    /**
     * zsh's completion as a person meets it: an interactive zsh in a pseudo-terminal (zsh's zpty), the completion
     * folder on $fpath, the words typed with TAB; what zsh puts on the line is read back.
     */
    static String zshLine(String typed, String expected) throws Exception {
        String script = String.join("\n",
                "zmodload zsh/zpty",
                "zpty -b z 'zsh -f -i'",
                "zpty -w z 'PS1=\"%% \"; fpath=(" + install.resolve("completion") + " $fpath); autoload -U compinit; compinit -u -D; spinecheck() { : }'",
                "zpty -n -w z $'" + typed + "\\t'",
                "all=''",
                "for i in {1..100}; do",
                "  while zpty -r -t z chunk; do all+=$chunk; done",
                "  [[ $all == *" + expected.replace(" ", "\\ ") + "* ]] && break",
                "  sleep 0.1",
                "done",
                "zpty -d z",
                "print -r -- ${all//$'\\r'/}");
        Ran ran = exec(List.of("zsh", "-f", "-c", script), Map.of("TERM", "dumb"), install);
        return ran.out();
    }

    @Test
    void zsh_completion_offers_run_and_answers_even_on_the_first_tab() throws Exception {
        Ran probe = exec(List.of("sh", "-c", "command -v zsh"), Map.of(), temp);
        assertThat(probe.exitCode()).as("zsh is installed (.ci/run installs it)").isZero();
        assertThat(zshLine("spinecheck r", "spinecheck run ")).contains("spinecheck run ");
        assertThat(zshLine("spinecheck run --ans", "spinecheck run --answers")).contains("spinecheck run --answers");
    }

    @Test
    void the_launcher_in_the_archive_is_the_repository_launcher() throws IOException {
        assertThat(Files.readString(install.resolve("bin/spinecheck"))).isEqualTo(Files.readString(Packaged.ROOT.resolve("spinecheck")));
    }
}

package dev.spinecheck.load;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Texts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Loads a questionnaire from a file, or the bundled one embedded in the jar. */
public final class QuestionnaireLoader {
    public static final String BUNDLED = "spine-screening";
    private static final String RESOURCE_DIR = "/dev/spinecheck/questionnaires/";

    private final TreeReader reader;

    public QuestionnaireLoader(TreeReader reader) {
        this.reader = reader;
    }

    public Questionnaire load(Path path) throws InvalidInputException, UnreadableInputException {
        return loadLocated(path).questionnaire();
    }

    public QuestionnaireReader.Located loadLocated(Path path) throws InvalidInputException, UnreadableInputException {
        byte[] bytes = Inputs.readFile(path);
        return QuestionnaireReader.readLocated(reader.read(bytes, FileNames.name(path), TreeReader.syntaxFor(path.toString()), 1));
    }

    /** The questionnaire embedded in the jar under this name. */
    public Questionnaire bundled(String name) throws InvalidInputException, UnreadableInputException {
        return bundled(name, UnaryOperator.identity());
    }

    /**
     * The questionnaire embedded in the jar under this name, with {@code fill} applied to every text (as
     * {@link Texts#map} applies it), for a {@code fill} that changes placeholders only.
     */
    public Questionnaire bundled(String name, UnaryOperator<String> fill) throws InvalidInputException, UnreadableInputException {
        Optional<Questionnaire> compiled = indexedFingerprint(RESOURCE_DIR + name + ".yaml")
                .flatMap(fingerprint -> CompiledQuestionnaire.of(name, fingerprint, fill));
        if (compiled.isPresent()) {
            return compiled.get();
        }
        byte[] bytes = bundledYaml(name);
        compiled = CompiledQuestionnaire.of(name, bytes, fill);
        if (compiled.isPresent()) {
            return compiled.get();
        }
        Questionnaire read = located(name, bytes).questionnaire();
        return fill == UnaryOperator.<String>identity() ? read : Texts.map(read, fill);
    }

    public QuestionnaireReader.Located bundledLocated(String name) throws InvalidInputException, UnreadableInputException {
        return located(name, bundledYaml(name));
    }

    private QuestionnaireReader.Located located(String name, byte[] bytes) throws InvalidInputException {
        return QuestionnaireReader.readLocated(reader.read(bytes, "questionnaires/" + name + ".yaml", TreeReader.Syntax.YAML, 1));
    }

    /**
     * The {@link CompiledQuestionnaire#fingerprint} of a file in this program's jar, from the jar's index (which holds
     * every file's length and CRC-32), without reading the file: looking a resource up and reading it costs a short run
     * milliseconds. Only when the class path is one jar (as {@code java -jar} and the launcher run it); empty otherwise
     * (a build's classes folder, several entries) or when the jar cannot tell.
     */
    static Optional<String> indexedFingerprint(String resource) {
        return indexedFingerprint(System.getProperty("java.class.path", ""), resource);
    }

    static Optional<String> indexedFingerprint(String classPath, String resource) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        try (ZipFile jar = new ZipFile(classPath)) {
            ZipEntry entry = jar.getEntry(resource.substring(1));
            if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
                return Optional.empty();
            }
            return Optional.of(CompiledQuestionnaire.fingerprint(entry.getSize(), entry.getCrc()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] bundledYaml(String name) throws InvalidInputException, UnreadableInputException {
        String resource = RESOURCE_DIR + name + ".yaml";
        try (InputStream in = QuestionnaireLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnreadableInputException("the bundled questionnaire " + name + " is missing from this build — rebuild spinecheck");
            }
            return Inputs.readLimited(in, name + ".yaml");
        } catch (IOException e) {
            throw new UnreadableInputException("the bundled questionnaire cannot be read: " + e.getMessage());
        }
    }

    /** The author tests of a bundled questionnaire, embedded beside it; the source names the file in the repository. */
    public Source bundledTests(String name) throws UnreadableInputException, InvalidInputException {
        String resource = RESOURCE_DIR + "tests/" + name + ".yaml";
        try (InputStream in = QuestionnaireLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnreadableInputException("there are no tests for the bundled questionnaire " + name
                        + " — add questionnaires/tests/" + name + ".yaml");
            }
            return new Source("questionnaires/tests/" + name + ".yaml", Inputs.readLimited(in, name + ".yaml"));
        } catch (IOException e) {
            throw new UnreadableInputException("the bundled tests cannot be read: " + e.getMessage());
        }
    }

    /**
     * The bundled questionnaire's id and version ("spine-screening 2.0.0") from its top-level {@code id:} and
     * {@code version:} lines, without reading the whole questionnaire: {@code --version} stays as quick as the rest of
     * start-up. (A test checks that these are the values the full reading gives.)
     */
    public static Optional<String> bundledIdentity() {
        try (InputStream in = QuestionnaireLoader.class.getResourceAsStream(RESOURCE_DIR + BUNDLED + ".yaml")) {
            if (in == null) {
                return Optional.empty();
            }
            String id = null;
            String version = null;
            String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            // Line by line, as split("\\R") would cut them, and only as far as the two lines (the top of the file).
            int start = 0;
            while (start <= text.length()) {
                int end = start;
                while (end < text.length() && !isLineBreak(text.charAt(end))) {
                    end++;
                }
                String line = text.substring(start, end);
                id = id != null ? id : topLevel(line, "id:");
                version = version != null ? version : topLevel(line, "version:");
                if (id != null && version != null) {
                    return Optional.of(id + " " + version);
                }
                start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The characters that {@code \\R} breaks a line at (with \r\n as one break). */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static String topLevel(String line, String key) {
        if (!line.startsWith(key)) {
            return null;
        }
        String value = withoutComment(line.substring(key.length())).strip();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * The text before a comment: before the first run of white space ({@code \s}) that a {@code #} follows, as
     * {@code replaceFirst("\\s+#.*$", "")} cuts one line, a text without line breaks (without a regular expression: its
     * first use costs milliseconds at start-up).
     */
    static String withoutComment(String text) {
        int i = 0;
        while (i < text.length()) {
            if (!isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int run = i;
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '#') {
                return text.substring(0, run);
            }
        }
        return text;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Text with the name it is reported under. */
    public record Source(String name, byte[] bytes) {}

    public Questionnaire bundled() throws InvalidInputException, UnreadableInputException {
        return bundled(BUNDLED);
    }
}

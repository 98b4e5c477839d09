package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.render.AnswerFileText;
import dev.spinecheck.script.ExitStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate --explain DIR}: one ready-to-run answer file per question and flag proved reachable, named
 * {@code ID.question.QUESTION.yaml} and {@code ID.flag.FLAG.yaml}. Only files this command wrote before (they start with
 * {@link #MARK}) are ever replaced; the folder is checked before the search starts.
 */
final class ExplainFiles {
    /** The first line of every file written, by which a later run knows the file is its own. */
    static final String MARK = "# An example answer set written by spinecheck validate --explain.";

    private final Path folder;

    private ExplainFiles(Path folder) {
        this.folder = folder;
    }

    /** Checks (or creates) the folder before any work is done. */
    static ExplainFiles prepare(Path folder) {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck validate: --explain " + folder
                    + " is not a folder — give a folder for the answer files (it is created if it does not exist)");
        }
        try {
            AtomicFile.createPrivateFolder(folder);
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck validate: the folder " + folder
                    + " cannot be created (" + reason(e) + ") — choose another folder for --explain");
        }
        if (!Files.isWritable(folder)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck validate: the folder " + folder
                    + " cannot be written to — choose another folder for --explain");
        }
        return new ExplainFiles(folder);
    }

    /** The example of each proved question and flag, by file name, as the text of an answer file. */
    static Map<String, String> examples(Questionnaire questionnaire, Reachability.Report report) {
        Map<String, String> files = new LinkedHashMap<>();
        report.questions().forEach((id, verdict) -> example(questionnaire, "question", id, "is asked", verdict, files));
        report.flags().forEach((id, verdict) -> example(questionnaire, "flag", id, "fires", verdict, files));
        return files;
    }

    private static void example(Questionnaire questionnaire, String kind, String id, String effect, Reachability.Verdict verdict,
            Map<String, String> into) {
        if (verdict instanceof Reachability.Proved proved) {
            into.put(questionnaire.id() + "." + kind + "." + id + ".yaml", AnswerFileText.write(questionnaire, proved.example(),
                    List.of(MARK.substring(2), "With these answers, " + kind + " " + id + " " + effect + "."), null));
        }
    }

    /** Writes the examples; a file already there that this command did not write is left alone and reported. */
    void write(Questionnaire questionnaire, Reachability.Report report, PrintWriter err) {
        List<String> refused = new ArrayList<>();
        int written = 0;
        for (Map.Entry<String, String> e : examples(questionnaire, report).entrySet()) {
            Path target = folder.resolve(e.getKey());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ours(target)) {
                refused.add("spinecheck validate: " + target + " is already there and was not written by --explain, so it was"
                        + " not replaced — remove it, or choose another folder");
                continue;
            }
            try {
                AtomicFile.write(target, e.getValue().getBytes(StandardCharsets.UTF_8));
                written++;
            } catch (IOException x) {
                throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck validate: cannot write " + target + " (" + reason(x)
                        + "); " + written + " answer files were written before it");
            }
        }
        err.println("spinecheck validate: " + written + " answer files written to " + folder);
        err.flush();
        if (!refused.isEmpty()) {
            throw new UserError(ExitStatus.CANNOT_CREATE, refused);
        }
    }

    private static boolean ours(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return MARK.equals(in.readLine());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "a folder on the way does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

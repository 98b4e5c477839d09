package dev.spinecheck.shell;

import dev.spinecheck.engine.Result;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.render.MarkdownReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.render.fhir.FhirBundle;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * After the result: the offer to save it as a Markdown summary for an appointment (or, named *.json, a FHIR R4 Bundle
 * for a health record), or the summary --report asked for.
 * A name may start with {@code ~}; the full path is shown; an existing file is never replaced (unless --force gave
 * the name), and a failure says why in plain words.
 */
final class ReportOffer {
    private final Conversation talk;
    private final Wording wording;
    private final Optional<Path> report;
    private final boolean force;
    private final Map<String, String> env;

    ReportOffer(Conversation talk, Wording wording, Optional<Path> report, boolean force, Map<String, String> env) {
        this.talk = talk;
        this.wording = wording;
        this.report = report;
        this.force = force;
        this.env = env;
    }

    void offer(Result result) {
        ZonedDateTime now = ZonedDateTime.now();
        String markdown = new MarkdownReport(wording).render(result, now, Optional.empty());
        if (report.isPresent()) {
            Path file = report.get().toAbsolutePath();
            write(file, isFhir(file) ? fhir(result, now) : markdown, force);
            return;
        }
        talk.blank();
        Optional<LearnPrompt> learn = LearnPrompt.of(talk, result, wording);
        learn.ifPresent(l -> talk.say(l.offer()));
        while (true) {
            String name = talk.askLine("To save this as a summary for your appointment, type a file name (like"
                    + " spine-summary.md)," + (learn.isPresent() ? " type learn to read more," : "") + " or press Enter to skip: ").strip();
            if (name.isEmpty()) {
                return;
            }
            if (learn.isPresent() && learn.get().handle(name)) {
                continue;
            }
            Optional<Path> file = path(name);
            if (file.isPresent() && write(file.get(), isFhir(file.get()) ? fhir(result, now) : markdown, false)) {
                return;
            }
        }
    }

    /** A summary named *.json is the FHIR Bundle (QuestionnaireResponse and RiskAssessment), as run --format fhir writes. */
    private static boolean isFhir(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private String fhir(Result result, ZonedDateTime now) {
        StringWriter bundle = new StringWriter();
        new FhirBundle(wording).write(result, now.toOffsetDateTime(), bundle);
        return bundle.toString();
    }

    /** The typed name as a full path: {@code ~} is the home folder, and {@code .md} is added unless it is .md or .json. */
    private Optional<Path> path(String name) {
        String typed = name.endsWith(".md") || name.toLowerCase(Locale.ROOT).endsWith(".json") ? name : name + ".md";
        if (typed.equals("~") || typed.startsWith("~/")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
            if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
                talk.say("~ means your home folder, but HOME is not set to one. Please type the folder in full.");
                return Optional.empty();
            }
            typed = home + typed.substring(1);
        } else if (typed.startsWith("~")) {
            talk.say("Please write the folder in full instead of " + typed.split("/")[0] + ".");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(typed).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            talk.say("\"" + name + "\" cannot be a file name here. Please type another.");
            return Optional.empty();
        }
    }

    private boolean write(Path file, String markdown, boolean replace) {
        Path folder = file.getParent();
        if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            talk.say(file + " already exists, and it was not replaced. Choose another name" + (report.isPresent()
                    ? " (or use --force to replace it)." : "."));
            return false;
        }
        if (folder == null || !Files.isDirectory(folder)) {
            talk.say("The summary could not be saved to " + file + ": the folder " + folder + " does not exist. Choose another"
                    + " place, or create the folder first.");
            return false;
        }
        if (Files.isDirectory(file)) {
            talk.say(file + " is a folder. Type a file name, like " + file.resolve("spine-summary.md") + ".");
            return false;
        }
        try (AtomicFile atomic = AtomicFile.begin(file)) {
            atomic.stream().write(markdown.getBytes(StandardCharsets.UTF_8));
            if (replace) {
                atomic.commit();
            } else {
                atomic.commitNew();
            }
        } catch (FileAlreadyExistsException e) {
            talk.say(file + " already exists, and it was not replaced. Choose another name.");
            return false;
        } catch (IOException | RuntimeException e) {
            talk.say("The summary could not be saved to " + file + ": " + Why.of(e) + ".");
            return false;
        }
        talk.say("Saved your summary to " + file + ".");
        return true;
    }
}

package dev.spinecheck.script;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TopicReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code spinecheck validate} learns about one questionnaire: its problems and the reachability proof, or
 * why it could not be read at all ({@code unreadable}: a message without a place, for there is none).
 */
public record Validation(String source, Optional<QuestionnaireReader.Located> questionnaire, List<Finding> findings,
        Optional<Reachability.Report> reach, Optional<String> unreadable, int exitCode) {

    public enum Severity { ERROR, WARNING }

    public record Finding(Severity severity, Problem problem) {
        @Override
        public String toString() {
            return severity == Severity.WARNING
                    ? problem.at() + ": warning: " + problem.message()
                    : problem.toString();
        }
    }

    public boolean ok() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR) && exitCode == 0;
    }

    /** A questionnaire that could not be loaded: its problems are the findings. */
    public static Validation invalid(String source, List<Problem> problems) {
        return new Validation(source, Optional.empty(), problems.stream().map(p -> new Finding(Severity.ERROR, p)).toList(),
                Optional.empty(), Optional.empty(), ExitStatus.INVALID_INPUT);
    }

    /** A questionnaire that does not exist or cannot be read. */
    public static Validation unreadable(String source, String message) {
        return new Validation(source, Optional.empty(), List.of(), Optional.empty(), Optional.of(message), ExitStatus.UNREADABLE_INPUT);
    }

    /** Proves, within the budget, that every question can be asked and every flag can fire. */
    public static Validation of(String source, QuestionnaireReader.Located located, long budget) {
        return of(source, located, budget, Optional.empty());
    }

    /**
     * The same, and every topic the advice links to is one of {@code topics} (the topics {@code spinecheck learn}
     * shows); without them, the links are not checked.
     */
    public static Validation of(String source, QuestionnaireReader.Located located, long budget, Optional<TopicLibrary> topics) {
        Questionnaire questionnaire = located.questionnaire();
        Reachability.Report report = Reachability.analyse(questionnaire, budget);
        List<Finding> findings = new ArrayList<>();
        topics.ifPresent(library -> TopicReader.deadLinks(located.learn(), library, "the advice")
                .forEach(p -> findings.add(new Finding(Severity.ERROR, p))));
        for (Map.Entry<String, Reachability.Verdict> e : report.questions().entrySet()) {
            Location at = located.questions().getOrDefault(e.getKey(), Location.start(source));
            finding(e.getValue(), at, "question " + e.getKey(), "can never be asked",
                    "check its ask_when, its sections' ask_when, and the emergencies before it").ifPresent(findings::add);
        }
        for (Map.Entry<String, Reachability.Verdict> e : report.flags().entrySet()) {
            Location at = located.flags().getOrDefault(e.getKey(), Location.start(source));
            finding(e.getValue(), at, "flag " + e.getKey(), "can never fire",
                    "check its when, the ask_when of the questions it reads, and the emergencies before them").ifPresent(findings::add);
        }
        findings.sort(java.util.Comparator.comparingInt((Finding f) -> f.problem().at().line()));
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new Validation(source, Optional.of(located), findings, Optional.of(report), Optional.empty(),
                errors ? ExitStatus.INVALID_INPUT : ExitStatus.OK);
    }

    private static Optional<Finding> finding(Reachability.Verdict verdict, Location at, String what, String never, String fix) {
        if (verdict instanceof Reachability.Impossible impossible) {
            return Optional.of(new Finding(Severity.ERROR, new Problem(at, what + " " + never + " (" + impossible.why() + ") — " + fix)));
        }
        if (verdict instanceof Reachability.Undecided undecided) {
            return Optional.of(new Finding(Severity.WARNING, new Problem(at, "could not prove that " + what + " "
                    + never.replace("can never be", "can be").replace("can never", "can") + " (" + undecided.why()
                    + ") — raise --budget to search longer")));
        }
        return Optional.empty();
    }
}

package dev.spinecheck.script;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.engine.Satisfiability;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.LocatedCondition;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TopicReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code spinecheck validate} learns about one questionnaire: its problems and warnings and the
 * reachability proof, or why it could not be read at all ({@code unreadable}: a message without a place, for there is
 * none). It is {@link Status#VALID} only when nothing is wrong and everything is proved.
 */
public record Validation(String source, Optional<QuestionnaireReader.Located> questionnaire, List<Finding> findings,
        Optional<Reachability.Report> reach, Optional<String> unreadable, int exitCode) {

    public enum Severity { ERROR, WARNING }

    /** What the summary line says. */
    public enum Status {
        VALID("valid"),
        NOT_VALID("not valid"),
        /** Nothing wrong was found, but something could not be proved within the budget. */
        NOT_PROVED("not proved");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** @param unproved true for a warning that something could not be proved (so the questionnaire is not shown valid) */
    public record Finding(Severity severity, Problem problem, boolean unproved) {
        public Finding(Severity severity, Problem problem) {
            this(severity, problem, false);
        }

        @Override
        public String toString() {
            return severity == Severity.WARNING
                    ? problem.at() + ": warning: " + problem.message()
                    : problem.toString();
        }
    }

    public boolean ok() {
        return status() == Status.VALID;
    }

    public Status status() {
        if (exitCode == ExitStatus.NOT_PROVED) {
            return Status.NOT_PROVED;
        }
        return exitCode == ExitStatus.OK ? Status.VALID : Status.NOT_VALID;
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

    /** Checks each condition on its own, then proves, within the budget, that every question can be asked and every flag can fire. */
    public static Validation of(String source, QuestionnaireReader.Located located, long budget) {
        return of(source, located, budget, Optional.empty(), Reachability.Progress.NONE);
    }

    /**
     * The same, and every topic the advice links to is one of {@code topics} (the topics {@code spinecheck learn}
     * shows); without them, the links are not checked. {@code progress} is told what a long search is doing.
     */
    public static Validation of(String source, QuestionnaireReader.Located located, long budget, Optional<TopicLibrary> topics,
            Reachability.Progress progress) {
        Questionnaire questionnaire = located.questionnaire();
        List<Finding> findings = new ArrayList<>();
        located.warnings().forEach(w -> findings.add(new Finding(Severity.WARNING, w)));
        topics.ifPresent(library -> TopicReader.deadLinks(located.learn(), library, "the advice")
                .forEach(p -> findings.add(new Finding(Severity.ERROR, p))));
        for (LocatedCondition condition : located.conditions()) {
            if (!condition.owner().startsWith("the when of flag ")) {
                alone(questionnaire, condition, budget).ifPresent(findings::add);
            }
        }
        Reachability.Report report = Reachability.analyse(questionnaire, budget, progress);
        for (Map.Entry<String, Reachability.Verdict> e : report.questions().entrySet()) {
            Location at = located.questions().getOrDefault(e.getKey(), Location.start(source));
            finding(e.getValue(), at, "question " + e.getKey(), "can never be asked", "can be asked",
                    "check its ask_when, its sections' ask_when, and the emergencies before it").ifPresent(findings::add);
        }
        for (Map.Entry<String, Reachability.Verdict> e : report.flags().entrySet()) {
            Location at = located.flags().getOrDefault(e.getKey(), Location.start(source));
            finding(e.getValue(), at, "flag " + e.getKey(), "can never fire", "can fire",
                    "check its when, the ask_when of the questions it reads, and the emergencies before them").ifPresent(findings::add);
        }
        findings.sort(java.util.Comparator.comparingInt((Finding f) -> f.problem().at().line())
                .thenComparingInt(f -> f.problem().at().column()));
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean unproved = findings.stream().anyMatch(Finding::unproved);
        int exit = errors ? ExitStatus.INVALID_INPUT : unproved ? ExitStatus.NOT_PROVED : ExitStatus.OK;
        return new Validation(source, Optional.of(located), findings, Optional.of(report), Optional.empty(), exit);
    }

    /** A condition that no answers can make true is a mistake wherever it is written. */
    private static Optional<Finding> alone(Questionnaire questionnaire, LocatedCondition condition, long budget) {
        Satisfiability.Verdict verdict = Satisfiability.of(questionnaire, condition.condition(), budget);
        if (verdict instanceof Satisfiability.NeverTrue) {
            return Optional.of(new Finding(Severity.ERROR, new Problem(condition.at(), condition.owner()
                    + " can never be true, whatever the answers — rewrite it so that some answers make it true")));
        }
        if (verdict instanceof Satisfiability.Unknown) {
            return Optional.of(new Finding(Severity.WARNING, new Problem(condition.at(), "could not prove that "
                    + condition.owner() + " can be true (the search budget ran out) — raise --budget to search longer"), true));
        }
        return Optional.empty();
    }

    private static Optional<Finding> finding(Reachability.Verdict verdict, Location at, String what, String never, String can,
            String fix) {
        if (verdict instanceof Reachability.Impossible impossible) {
            return Optional.of(new Finding(Severity.ERROR, new Problem(at, what + " " + never + " (" + impossible.why() + ") — " + fix)));
        }
        if (verdict instanceof Reachability.Undecided undecided) {
            return Optional.of(new Finding(Severity.WARNING, new Problem(at, "could not prove that " + what + " " + can
                    + " (" + undecided.why() + ") — " + (undecided.budgetRanOut() ? "raise --budget to search longer"
                            : "add a test case that shows it (spinecheck test)")), true));
        }
        return Optional.empty();
    }
}

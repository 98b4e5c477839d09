package dev.spinecheck.load;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need the whole questionnaire read first: every condition names a known question asked before it,
 * with an operator that fits its type and a code (or count) it can have; advice names known codes; every level a
 * flag can lead to has a next step for the person the flag names; the harmless answer is shown first.
 */
final class CrossChecks {
    private final Draft draft;

    CrossChecks(Draft draft) {
        this.draft = draft;
    }

    void run(Map<Level, LevelText> levels, List<Flag> flags, List<String> people, Location levelsAt) {
        for (Draft.TriedQuestion tried : draft.triedQuestions) {
            triedQuestion(tried);
        }
        for (Draft.CodeReference reference : draft.codeReferences) {
            code(reference);
        }
        for (Draft.Ordered ordered : draft.ordered) {
            for (Condition.OnQuestion leaf : Condition.leaves(ordered.condition().condition())) {
                leaf(leaf, ordered.before(), ordered.condition().owner());
            }
        }
        nextSteps(levels, flags, people, levelsAt);
        harmlessFirst();
    }

    private void triedQuestion(Draft.TriedQuestion tried) {
        Question question = draft.questions.get(tried.question());
        if (question == null) {
            draft.problem(tried.at(), "conservative care names the question '" + tried.question() + "', which does not exist — "
                    + Suggest.didYouMean(tried.question(), draft.questions.keySet(), "name a multi question"));
        } else if (!(question instanceof Question.Multi)) {
            draft.problem(tried.at(), "tried_question must be a multi question, and " + tried.question() + " is "
                    + question.type() + " — name a multi question");
        }
    }

    private void code(Draft.CodeReference reference) {
        Question question = draft.questions.get(reference.question());
        if (question == null) {
            if (reference.namesQuestion()) {
                draft.problem(reference.questionAt(), reference.owner() + " names the question '" + reference.question()
                        + "', which does not exist — " + Suggest.didYouMean(reference.question(), draft.questions.keySet(),
                                "name a question of this questionnaire"));
            }
            return;
        }
        if (question.option(reference.code()).isEmpty()) {
            draft.problem(reference.codeAt(), reference.owner() + " names the code '" + reference.code() + "', which "
                    + reference.question() + " does not have — " + Suggest.didYouMean(reference.code(), question.codes(),
                            "use one of: " + String.join(", ", question.codes())));
        }
    }

    /** A leaf must name a known question asked before {@code before}, with an operator that fits, and a possible value. */
    private void leaf(Condition.OnQuestion leaf, int before, String owner) {
        Location at = draft.conditions.leaves().get(leaf);
        Question question = draft.questions.get(leaf.question());
        if (question == null) {
            draft.problem(at, "the condition reads the question '" + leaf.question() + "', which does not exist — "
                    + Suggest.didYouMean(leaf.question(), draft.questions.keySet(), "name a question of this questionnaire"));
            return;
        }
        if (before != Integer.MAX_VALUE && draft.order.get(leaf.question()) >= before) {
            boolean itself = owner.equals("the ask_when of question " + leaf.question());
            draft.problem(at, owner + " reads " + (itself ? "the question itself" : leaf.question() + ", which is asked later")
                    + " — a condition may only read questions asked before it");
        }
        leaf.accept(new Condition.OnQuestion.Visitor<Void>() {
            @Override
            public Void equals(Condition.Equals l) {
                if (fits(l, question, question instanceof Question.YesNo || question instanceof Question.Choice)) {
                    code(l, question, l.code(), at, "true");
                }
                return null;
            }

            @Override
            public Void notEquals(Condition.NotEquals l) {
                if (fits(l, question, question instanceof Question.YesNo || question instanceof Question.Choice)) {
                    code(l, question, l.code(), at, "false");
                }
                return null;
            }

            @Override
            public Void has(Condition.Has l) {
                if (fits(l, question, question instanceof Question.Multi)) {
                    code(l, question, l.code(), at, "true");
                }
                return null;
            }

            @Override
            public Void countAtLeast(Condition.CountAtLeast l) {
                if (fits(l, question, question instanceof Question.Multi)) {
                    count(l, question, at);
                }
                return null;
            }

            @Override
            public Void compare(Condition.Compare l) {
                fits(l, question, question instanceof Question.IntegerQuestion);
                return null;
            }

            @Override
            public Void answered(Condition.Answered l) {
                return null;
            }
        });
    }

    private boolean fits(Condition.OnQuestion leaf, Question question, boolean fits) {
        if (!fits) {
            String use = switch (question.type()) {
                case "multi" -> "has or count_at_least";
                case "integer" -> "at_least, at_most or below";
                default -> "equals or not_equals";
            };
            String article = question.type().startsWith("i") ? "an " : "a ";
            draft.problem(draft.conditions.leaves().get(leaf), "'" + leaf.operator() + "' does not fit " + leaf.question() + ", "
                    + article + question.type() + " question — use " + use);
        }
        return fits;
    }

    /** @param never what comparing with an "unknown" code can never be */
    private void code(Condition.OnQuestion leaf, Question question, String code, Location at, String never) {
        Optional<Option> option = question.option(code);
        if (option.isEmpty()) {
            draft.problem(at, "the condition compares " + leaf.question() + " with '" + code + "', which is not one of its codes — "
                    + Suggest.didYouMean(code, question.codes(), "use one of: " + String.join(", ", question.codes())));
        } else if (option.get().unknown()) {
            draft.problem(at, "'" + code + "' means unknown, so comparing with it is never " + never
                    + " — use an answer note for it, or compare with a known code");
        }
    }

    /** count_at_least counts known codes: at least 1, at most as many as can be chosen together. */
    private void count(Condition.CountAtLeast leaf, Question question, Location at) {
        List<Option> known = question.options().stream().filter(o -> !o.unknown()).toList();
        long together = known.stream().filter(o -> !o.exclusive()).count();
        long most = Math.max(together, known.isEmpty() ? 0 : 1);
        if (leaf.count() < 1) {
            draft.problem(at, "count_at_least " + leaf.count() + " is true of any answer — use a number from 1 to " + most
                    + " (for \"answered at all\", write answered: true)");
        } else if (leaf.count() > most) {
            draft.problem(at, "count_at_least " + leaf.count() + " can never be reached: at most " + most + " known "
                    + (most == 1 ? "code" : "codes") + " of " + question.id() + " can be chosen together — use a number from 1 to " + most);
        }
    }

    /**
     * Each level below EMERGENCY needs a next step for every person its flags name (and SELF_CARE, which has no
     * flags' person, one plain next step).
     */
    private void nextSteps(Map<Level, LevelText> levels, List<Flag> flags, List<String> people, Location levelsAt) {
        Set<Level> reported = EnumSet.noneOf(Level.class);
        for (Flag flag : flags) {
            LevelText text = levels.get(flag.level());
            if (flag.isEmergency() || text == null || reported.contains(flag.level())) {
                continue;
            }
            Location at = draft.nextStepAt.getOrDefault(flag.level(), draft.levelAt.getOrDefault(flag.level(), levelsAt));
            if (!text.nextStepFor().isEmpty() && !text.nextStepFor().containsKey(flag.see())) {
                draft.problem(at, "the next_step of " + flag.level() + " has no sentence for " + flag.see()
                        + ", whom flag " + flag.id() + " names — add " + flag.see() + ": <the one action, like See a doctor today.>");
                reported.add(flag.level());
            } else if (text.nextStepFor().isEmpty() && text.nextStep().isEmpty()) {
                draft.problem(at, "level " + flag.level() + " has no next_step, so a result with flag " + flag.id()
                        + " would not say what to do next — add next_step: <the one action, like See a doctor today.>");
                reported.add(flag.level());
            }
        }
        for (Map.Entry<Level, LevelText> e : levels.entrySet()) {
            for (String person : e.getValue().nextStepFor().keySet()) {
                if (!people.contains(person)) {
                    draft.problem(draft.nextStepAt.get(e.getKey()), "the next_step of " + e.getKey() + " names '"
                            + person + "', who is not in people — " + Suggest.didYouMean(person, people,
                                    people.isEmpty() ? "add people: [" + person + "] at the top" : "add it to people, or remove the line"));
                }
            }
        }
        LevelText selfCare = levels.get(Level.SELF_CARE);
        if (selfCare != null && selfCare.nextStep().isEmpty()) {
            draft.problem(draft.levelAt.getOrDefault(Level.SELF_CARE, levelsAt), "SELF_CARE has no next_step —"
                    + " add next_step: <what to do when no warning sign was found>");
        }
    }

    /**
     * The harmless answer (no, none, none_or_unsure, not_at_all) is shown first in every choice and multi question
     * (spec section 3a), so that no answer is given by habit with the opposite meaning. The order changes no result,
     * so this is a warning.
     */
    private void harmlessFirst() {
        for (Question question : draft.questions.values()) {
            if (!(question instanceof Question.Choice || question instanceof Question.Multi) || question.options().isEmpty()) {
                continue;
            }
            Optional<Option> harmless = question.options().stream().filter(Option::isHarmless).findFirst();
            if (harmless.isPresent() && !question.options().get(0).isHarmless()) {
                draft.warning(draft.optionsAt.getOrDefault(question.id(), draft.questionAt.get(question.id())), "the harmless answer '"
                        + harmless.get().code() + "' of " + question.id() + " is not the first option — move it to the top"
                        + " (spec section 3a: the harmless answer is always shown first)");
            }
        }
    }
}

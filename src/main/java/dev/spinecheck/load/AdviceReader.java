package dev.spinecheck.load;

import dev.spinecheck.engine.ActionKind;
import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the advice: the safety net, the disclaimer, conservative care, the fusion note, the answer notes, and the links
 * to topics of {@code spinecheck learn}.
 */
final class AdviceReader {
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Draft draft;
    private final LevelReader levels;
    private final FlagReader flags;

    AdviceReader(Draft draft, LevelReader levels, FlagReader flags) {
        this.draft = draft;
        this.levels = levels;
        this.flags = flags;
    }

    Advice advice(Fields a, List<String> people) {
        Advice.SafetyNet net = a.mapping("safety_net", "the safety net", QuestionnaireReader.SAFETY_NET, true).map(this::safetyNet).orElse(null);
        String disclaimer = a.text("disclaimer", true).orElse("");
        Advice.ConservativeCare care = a.mapping("conservative_care", "conservative_care", QuestionnaireReader.CARE, false)
                .map(this::care).orElse(null);
        Advice.FusionNote fusion = a.mapping("fusion_note", "fusion_note", QuestionnaireReader.FUSION, false)
                .map(n -> new Advice.FusionNote(levelSet(n), when(n, "the when of fusion_note"), n.text("title", true).orElse(""),
                        n.text("text", true).orElse(""), learn(n, "fusion_note")))
                .orElse(null);
        List<Advice.AnswerNote> notes = new ArrayList<>();
        for (Node node : a.list("answer_notes", false).orElse(List.of())) {
            Fields.of(node, "an answer note", QuestionnaireReader.NOTE, draft.problems).ifPresent(n -> {
                Optional<String> q = n.code("question", true);
                Optional<String> code = n.code("code", true);
                String text = n.text("text", true).orElse("");
                ActionKind kind = n.code("action_kind", false)
                        .flatMap(k -> flags.actionKind(k, n.node("action_kind").orElseThrow().at())).orElse(null);
                if (q.isPresent() && code.isPresent()) {
                    draft.codeReferences.add(new Draft.CodeReference(q.get(), code.get(), n.node("question").orElseThrow().at(),
                            n.node("code").orElseThrow().at(), "an answer note", true));
                    notes.add(new Advice.AnswerNote(q.get(), code.get(), text, kind));
                }
            });
        }
        List<Advice.ReadMore> readMore = new ArrayList<>();
        for (Node node : a.list("read_more", false).orElse(List.of())) {
            Fields.of(node, "a read_more entry", QuestionnaireReader.READ_MORE, draft.problems).flatMap(r -> readMore(r, people))
                    .ifPresent(readMore::add);
        }
        if (net == null) {
            return null;
        }
        return new Advice(net, disclaimer, care, fusion, notes, readMore);
    }

    /** Topics to link to, when their condition holds or when the one action names their person: exactly one of the two. */
    private Optional<Advice.ReadMore> readMore(Fields r, List<String> people) {
        List<String> topics = learn(r, "a read_more entry");
        if (!r.has("learn")) {
            draft.problem(r.map().at(), "a read_more entry has no 'learn' — add learn: [TOPIC, ...], the topics it links to");
        }
        Optional<String> person = r.code("person", false);
        if (r.has("when") == person.isPresent()) {
            draft.problem(r.map().at(), "a read_more entry needs either 'when' (a condition) or 'person' (whom the one"
                    + " action names), not " + (person.isPresent() ? "both" : "neither") + " — keep one");
        }
        person.ifPresent(p -> {
            if (!people.contains(p)) {
                draft.problem(r.node("person").orElseThrow().at(), "a read_more entry names the person '" + p
                        + "', who is not in people — " + Suggest.didYouMean(p, people, "name one of: " + String.join(", ", people)));
            }
        });
        Condition when = r.has("when") ? when(r, "the when of a read_more entry") : Condition.ALWAYS;
        return topics.isEmpty() ? Optional.empty() : Optional.of(new Advice.ReadMore(topics, when, person.orElse(null)));
    }

    /** The topics of {@code spinecheck learn} an advice item links to ({@code learn: [try-first]}); validate checks they exist. */
    private List<String> learn(Fields f, String owner) {
        List<String> topics = new ArrayList<>();
        for (Node node : f.list("learn", false).orElse(List.of())) {
            if (node instanceof Node.Scalar s && TOPIC.matcher(s.text()).matches()) {
                topics.add(s.text());
                draft.learnLinks.add(new TopicReader.LinkAt(s.text(), s.at()));
            } else {
                draft.problem(node.at(), "each entry of 'learn' in " + owner + " must be the name of a topic of"
                        + " spinecheck learn, not " + node.describe() + " — write a name like try-first");
            }
        }
        if (f.node("learn").orElse(null) instanceof Node.Sequence seq && seq.items().isEmpty()) {
            draft.problem(f.keyAt("learn"), "'learn' in " + owner + " is empty — name a topic, or remove it");
        }
        return topics;
    }

    private Advice.SafetyNet safetyNet(Fields s) {
        String intro = s.text("intro", true).orElse("");
        List<Advice.SafetyGroup> groups = new ArrayList<>();
        List<Node> nodes = s.list("groups", true).orElse(List.of());
        if (s.has("groups") && nodes.isEmpty()) {
            draft.problem(s.keyAt("groups"), "the safety net has no groups — add at least one, with a title and items");
        }
        for (Node node : nodes) {
            Fields.of(node, "a safety net group", QuestionnaireReader.SAFETY_GROUP, draft.problems).ifPresent(g -> {
                ActionKind kind = g.code("kind", false).flatMap(k -> flags.actionKind(k, g.node("kind").orElseThrow().at())).orElse(null);
                groups.add(new Advice.SafetyGroup(kind, g.text("title", true).orElse(""), g.texts("items", true)));
            });
        }
        return new Advice.SafetyNet(intro, groups);
    }

    private Condition when(Fields f, String owner) {
        return draft.condition(f, "when", owner, Integer.MAX_VALUE).orElse(Condition.ALWAYS);
    }

    private Set<Level> levelSet(Fields f) {
        Set<Level> set = EnumSet.noneOf(Level.class);
        for (Node node : f.list("levels", true).orElse(List.of())) {
            if (node instanceof Node.Scalar s) {
                levels.level(s.text(), s.at()).ifPresent(set::add);
            } else {
                draft.problem(node.at(), "each entry of 'levels' must be a level name, not " + node.describe()
                        + " — write a level such as ROUTINE");
            }
        }
        return set;
    }

    private Advice.ConservativeCare care(Fields c) {
        Set<Level> levelSet = levelSet(c);
        Condition when = when(c, "the when of conservative_care");
        String intro = c.text("intro", true).orElse("");
        Optional<String> triedQuestion = c.code("tried_question", true);
        String triedLabel = c.text("tried_label", false).orElse("you have tried this");
        List<Advice.CareItem> items = new ArrayList<>();
        for (Node node : c.list("items", true).orElse(List.of())) {
            Fields.of(node, "a conservative care item", QuestionnaireReader.CARE_ITEM, draft.problems).ifPresent(i -> {
                String text = i.text("text", true).orElse("");
                List<String> tried = new ArrayList<>();
                for (Node t : i.list("tried", false).orElse(List.of())) {
                    if (t instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
                        tried.add(s.text());
                        triedQuestion.ifPresent(q -> draft.codeReferences.add(new Draft.CodeReference(q, s.text(),
                                c.node("tried_question").orElseThrow().at(), s.at(), "conservative care", false)));
                    } else {
                        draft.problem(t.at(), "each entry of 'tried' must be a code of " + triedQuestion.orElse("the tried question")
                                + ", not " + t.describe() + " — write a code");
                    }
                }
                items.add(new Advice.CareItem(text, tried));
            });
        }
        triedQuestion.ifPresent(q -> draft.triedQuestions.add(new Draft.TriedQuestion(q, c.node("tried_question").orElseThrow().at())));
        return new Advice.ConservativeCare(levelSet, when, intro, triedQuestion.orElse(""), triedLabel, items, learn(c, "conservative_care"));
    }
}

package dev.spinecheck.load;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link Questionnaire} from its located tree, finding every problem it can in one pass: unknown keys,
 * wrong types, duplicate ids, references to unknown questions or codes, operators that do not fit a question's
 * type, conditions that read a question asked later, misuse of exclusive codes, empty sections, unknown levels,
 * advice that names unknown codes.
 */
public final class QuestionnaireReader {
    private static final Set<String> TOP = Set.of("id", "version", "title", "intro", "sources", "levels", "questions", "flags", "advice");
    private static final Set<String> SECTION = Set.of("section", "title", "ask_when", "questions");
    private static final Set<String> QUESTION = Set.of("question", "type", "text", "help", "ask_when", "options", "min", "max", "unit", "below_min");
    private static final Set<String> OPTION = Set.of("code", "text", "help", "exclusive", "unknown");
    private static final Set<String> FLAG = Set.of("flag", "level", "title", "reason", "action", "when");
    private static final Set<String> LEVEL = Set.of("label", "headline", "time_frame", "next_step");
    private static final Set<String> ADVICE = Set.of("safety_net", "disclaimer", "conservative_care", "fusion_note", "answer_notes");
    private static final Set<String> SAFETY_NET = Set.of("emergency_intro", "emergency", "same_day_intro", "same_day");
    private static final Set<String> CARE = Set.of("levels", "when", "intro", "tried_question", "tried_label", "items");
    private static final Set<String> CARE_ITEM = Set.of("text", "tried");
    private static final Set<String> FUSION = Set.of("levels", "when", "title", "text");
    private static final Set<String> NOTE = Set.of("question", "code", "text");
    private static final Set<String> TYPES = Set.of("yes_no", "choice", "multi", "integer");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final List<Problem> problems = new ArrayList<>();
    private final ConditionReader conditions = new ConditionReader(problems);
    /** Every question read, in walk order, with where its id was written. */
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, Location> questionAt = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Set<String> sectionIds = new HashSet<>();
    /** Conditions that may only read questions asked before the given index. */
    private final List<OrderedCondition> askWhens = new ArrayList<>();
    private final List<Condition> otherConditions = new ArrayList<>();

    private record OrderedCondition(Condition condition, int before, String owner) {}

    private final Map<String, Location> flagAt = new HashMap<>();

    /** A questionnaire with where each question and flag id was written, for messages about them. */
    public record Located(Questionnaire questionnaire, Map<String, Location> questions, Map<String, Location> flags) {}

    private QuestionnaireReader() {}

    public static Questionnaire read(Node root) throws InvalidInputException {
        return readLocated(root).questionnaire();
    }

    public static Located readLocated(Node root) throws InvalidInputException {
        QuestionnaireReader reader = new QuestionnaireReader();
        Questionnaire questionnaire = reader.build(root);
        return new Located(questionnaire, Map.copyOf(reader.questionAt), Map.copyOf(reader.flagAt));
    }

    private Questionnaire build(Node root) throws InvalidInputException {
        Optional<Fields> top = Fields.of(root, "the questionnaire", TOP, problems);
        if (top.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Fields f = top.get();
        String id = f.code("id", true).orElse("");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(new Problem(f.node("id").orElseThrow().at(), "the id '" + id
                    + "' may use only lower-case letters, digits, '_' and '-' — rename it, like spine-screening"));
        }
        String version = f.code("version", true).orElse("");
        String title = f.text("title", true).orElse("");
        String intro = f.text("intro", false).orElse("");
        List<String> sources = f.texts("sources", false);
        List<Item> items = f.list("questions", true).map(list -> items(list, "the questionnaire")).orElse(List.of());
        if (f.has("questions") && questions.isEmpty()) {
            problems.add(new Problem(f.keyAt("questions"), "the questionnaire has no questions — add at least one"));
        }
        Map<Level, LevelText> levels = levels(f);
        List<Flag> flags = flags(f);
        Advice advice = f.mapping("advice", "advice", ADVICE, true).map(this::advice).orElse(null);
        checkConditions();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new Questionnaire(id, version, title, intro, sources, items, flags, levels, advice);
    }

    static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(java.util.Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
        return copy;
    }

    private List<Item> items(List<Node> nodes, String owner) {
        List<Item> items = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Node.Mapping map && map.get("section").isPresent()) {
                section(map).ifPresent(items::add);
            } else if (node instanceof Node.Mapping map && map.get("question").isPresent()) {
                question(map).ifPresent(items::add);
            } else {
                problems.add(new Problem(node.at(), "each entry of the questions of " + owner
                        + " must start with 'question: <id>' or 'section: <id>' — add one"));
            }
        }
        return items;
    }

    private Optional<Item> section(Node.Mapping map) {
        Fields f = new Fields(map, "a section", SECTION, problems);
        String id = f.code("section", true).orElse("?");
        checkId(id, f.node("section").orElseThrow().at(), "section");
        if (!sectionIds.add(id) || questions.containsKey(id)) {
            problems.add(new Problem(f.node("section").orElseThrow().at(), "the id '" + id
                    + "' is used twice — give every section and question its own id"));
        }
        String title = f.text("title", false).orElse("");
        int firstIndex = questions.size();
        Condition askWhen = f.node("ask_when").flatMap(conditions::read).orElse(Condition.ALWAYS);
        List<Item> items = f.list("questions", true).map(list -> items(list, "section " + id)).orElse(List.of());
        if (f.has("questions") && items.isEmpty()) {
            problems.add(new Problem(f.keyAt("questions"), "section " + id + " is empty — add a question or remove the section"));
        }
        if (askWhen != Condition.ALWAYS) {
            askWhens.add(new OrderedCondition(askWhen, firstIndex, "section " + id));
        }
        return Optional.of(new Section(id, title, askWhen, items));
    }

    private void checkId(String id, Location at, String what) {
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem(at, "the " + what + " id '" + id
                    + "' may use only lower-case letters, digits, '_' and '-' — rename it"));
        }
    }

    private Optional<Item> question(Node.Mapping map) {
        Fields f = new Fields(map, "question " + map.get("question").map(n -> n instanceof Node.Scalar s ? s.text() : "?").orElse("?"),
                QUESTION, problems);
        Optional<String> maybeId = f.code("question", true);
        if (maybeId.isEmpty()) {
            return Optional.empty();
        }
        String id = maybeId.get();
        Location at = f.node("question").orElseThrow().at();
        checkId(id, at, "question");
        if (questions.containsKey(id) || sectionIds.contains(id)) {
            problems.add(new Problem(at, "the id '" + id + "' is used twice (first on line "
                    + Optional.ofNullable(questionAt.get(id)).map(l -> String.valueOf(l.line())).orElse("?")
                    + ") — give every question its own id"));
            return Optional.empty();
        }
        String type = f.code("type", true).orElse("");
        if (!type.isEmpty() && !TYPES.contains(type)) {
            problems.add(new Problem(f.node("type").orElseThrow().at(), "unknown question type '" + type + "' — "
                    + Suggest.didYouMean(type, TYPES, "use one of: yes_no, choice, multi, integer")));
        }
        String text = f.text("text", true).orElse("");
        String help = f.text("help", false).orElse("");
        int index = questions.size();
        Condition askWhen = f.node("ask_when").flatMap(conditions::read).orElse(Condition.ALWAYS);
        if (askWhen != Condition.ALWAYS) {
            askWhens.add(new OrderedCondition(askWhen, index, "question " + id));
        }
        Question question = switch (type) {
            case "yes_no" -> new Question.YesNo(id, text, help, askWhen, yesNoOptions(f, id));
            case "choice" -> new Question.Choice(id, text, help, askWhen, options(f, id, false));
            case "multi" -> new Question.Multi(id, text, help, askWhen, options(f, id, true));
            case "integer" -> whole(f, id, text, help, askWhen);
            default -> null;
        };
        if (!type.equals("integer")) {
            for (String key : List.of("min", "max", "unit", "below_min")) {
                if (f.has(key)) {
                    problems.add(new Problem(f.keyAt(key), "'" + key + "' applies only to integer questions, and "
                            + id + " is " + (type.isEmpty() ? "not one" : type) + " — remove it"));
                }
            }
        }
        if (question == null) {
            return Optional.empty();
        }
        questions.put(id, question);
        questionAt.put(id, at);
        order.put(id, index);
        return Optional.of(question);
    }

    private Question whole(Fields f, String id, String text, String help, Condition askWhen) {
        long min = f.whole("min", true).orElse(0L);
        long max = f.whole("max", true).orElse(Long.MAX_VALUE);
        if (min > max) {
            problems.add(new Problem(f.keyAt("max"), "max (" + max + ") is below min (" + min + ") in question " + id
                    + " — swap them"));
        }
        if (f.has("options")) {
            problems.add(new Problem(f.keyAt("options"), "integer question " + id + " takes no options — remove them, or make it a choice"));
        }
        String unit = f.text("unit", false).orElse("");
        String belowMin = f.text("below_min", false).orElse(null);
        return new Question.IntegerQuestion(id, text, help, askWhen, min, max, unit, belowMin);
    }

    private List<Option> yesNoOptions(Fields f, String id) {
        if (!f.has("options")) {
            return List.of(new Option("yes", "Yes", "", false, false), new Option("no", "No", "", false, false));
        }
        List<Option> options = options(f, id, false);
        List<String> codes = options.stream().map(Option::code).toList();
        if (!codes.isEmpty() && !new HashSet<>(codes).equals(Set.of("yes", "no"))) {
            problems.add(new Problem(f.keyAt("options"), "a yes_no question has exactly the codes yes and no, but "
                    + id + " has " + String.join(", ", codes) + " — make it a choice question, or keep yes and no"));
        }
        return options;
    }

    private List<Option> options(Fields f, String id, boolean multi) {
        List<Node> nodes = f.list("options", true).orElse(List.of());
        if (f.has("options") && nodes.isEmpty()) {
            problems.add(new Problem(f.keyAt("options"), "question " + id + " has no options — add at least two"));
        }
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node node : nodes) {
            Optional<Fields> of = Fields.of(node, "an option of " + id, OPTION, problems);
            if (of.isEmpty()) {
                continue;
            }
            Fields o = of.get();
            Optional<String> code = o.code("code", true);
            String text = o.text("text", true).orElse("");
            String help = o.text("help", false).orElse("");
            boolean exclusive = o.flag("exclusive");
            boolean unknown = o.flag("unknown");
            if (exclusive && !multi) {
                problems.add(new Problem(o.keyAt("exclusive"), "'exclusive' applies only to multi questions, and "
                        + id + " takes one code anyway — remove it"));
            }
            if (code.isEmpty()) {
                continue;
            }
            if (!ID.matcher(code.get()).matches()) {
                problems.add(new Problem(o.node("code").orElseThrow().at(), "the code '" + code.get()
                        + "' may use only lower-case letters, digits, '_' and '-' — rename it"));
            }
            if (!seen.add(code.get())) {
                problems.add(new Problem(o.node("code").orElseThrow().at(), "the code '" + code.get() + "' appears twice in "
                        + id + " — give every option its own code"));
                continue;
            }
            options.add(new Option(code.get(), text, help, exclusive, unknown));
        }
        if (multi && !options.isEmpty() && options.stream().allMatch(Option::exclusive)) {
            problems.add(new Problem(f.keyAt("options"), "every option of " + id
                    + " is exclusive, so no two can be chosen together — make it a choice question"));
        }
        return options;
    }

    private Map<Level, LevelText> levels(Fields f) {
        Map<Level, LevelText> levels = new EnumMap<>(Level.class);
        Optional<Node> node = f.node("levels");
        if (node.isEmpty()) {
            problems.add(new Problem(f.map().at(), "the questionnaire has no 'levels' — add levels: with EMERGENCY, URGENT,"
                    + " SOON, ROUTINE and SELF_CARE, each with its label, headline and time_frame"));
            return levels;
        }
        if (!(node.get() instanceof Node.Mapping map)) {
            Fields.of(node.get(), "levels", Set.of(), problems);
            return levels;
        }
        for (Node.Entry entry : map.entries()) {
            Optional<Level> level = level(entry.key(), entry.keyAt());
            if (level.isEmpty()) {
                continue;
            }
            Fields.of(entry.value(), "level " + entry.key(), LEVEL, problems).ifPresent(l -> levels.put(level.get(),
                    new LevelText(level.get(), l.text("label", true).orElse(entry.key()), l.text("headline", true).orElse(""),
                            l.text("time_frame", true).orElse(""), l.text("next_step", false).orElse(""))));
        }
        for (Level level : Level.values()) {
            if (!levels.containsKey(level) && map.get(level.name()).isEmpty()) {
                problems.add(new Problem(f.keyAt("levels"), "levels has no " + level.name()
                        + " — every one of the five levels needs its label, headline and time_frame"));
            }
        }
        return levels;
    }

    private Optional<Level> level(String name, Location at) {
        try {
            return Optional.of(Level.valueOf(name));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(Level.values()).map(Level::name).toList();
            problems.add(new Problem(at, "there is no level '" + name + "' — "
                    + Suggest.didYouMean(name, names, "use one of: " + String.join(", ", names))));
            return Optional.empty();
        }
    }

    private List<Flag> flags(Fields f) {
        List<Flag> flags = new ArrayList<>();
        Map<String, Location> ids = new HashMap<>();
        for (Node node : f.list("flags", true).orElse(List.of())) {
            String name = node instanceof Node.Mapping m ? m.get("flag").map(n -> n instanceof Node.Scalar s ? s.text() : "?").orElse("?") : "?";
            Optional<Fields> of = Fields.of(node, "flag " + name, FLAG, problems);
            if (of.isEmpty()) {
                continue;
            }
            Fields ff = of.get();
            Optional<String> id = ff.code("flag", true);
            Optional<Level> level = ff.code("level", true).flatMap(l -> level(l, ff.node("level").orElseThrow().at()));
            String title = ff.text("title", true).orElse("");
            String reason = ff.text("reason", true).orElse("");
            String action = ff.text("action", true).orElse("");
            Optional<Condition> when = ff.node("when").flatMap(conditions::read);
            if (!ff.has("when")) {
                ff.text("when", true);
            }
            if (id.isPresent()) {
                Location at = ff.node("flag").orElseThrow().at();
                checkId(id.get(), at, "flag");
                Location first = ids.putIfAbsent(id.get(), at);
                flagAt.putIfAbsent(id.get(), at);
                if (first != null) {
                    problems.add(new Problem(at, "the flag id '" + id.get() + "' is used twice (first on line "
                            + first.line() + ") — give every flag its own id"));
                }
            }
            if (id.isPresent() && level.isPresent() && when.isPresent()) {
                otherConditions.add(when.get());
                flags.add(new Flag(id.get(), level.get(), title, reason, action, when.get()));
            }
        }
        return flags;
    }

    private Advice advice(Fields a) {
        Advice.SafetyNet net = a.mapping("safety_net", "the safety net", SAFETY_NET, true)
                .map(s -> new Advice.SafetyNet(s.text("emergency_intro", true).orElse(""), s.texts("emergency", true),
                        s.text("same_day_intro", true).orElse(""), s.texts("same_day", true)))
                .orElse(null);
        String disclaimer = a.text("disclaimer", true).orElse("");
        Advice.ConservativeCare care = a.mapping("conservative_care", "conservative_care", CARE, false).map(this::care).orElse(null);
        Advice.FusionNote fusion = a.mapping("fusion_note", "fusion_note", FUSION, false)
                .map(n -> new Advice.FusionNote(levelSet(n), when(n), n.text("title", true).orElse(""), n.text("text", true).orElse("")))
                .orElse(null);
        List<Advice.AnswerNote> notes = new ArrayList<>();
        for (Node node : a.list("answer_notes", false).orElse(List.of())) {
            Fields.of(node, "an answer note", NOTE, problems).ifPresent(n -> {
                Optional<String> q = n.code("question", true);
                Optional<String> code = n.code("code", true);
                String text = n.text("text", true).orElse("");
                if (q.isPresent() && code.isPresent()) {
                    Location at = n.node("question").orElseThrow().at();
                    pendingCodeChecks.add(() -> checkCode(q.get(), code.get(), at, n.node("code").orElseThrow().at(), "an answer note"));
                    notes.add(new Advice.AnswerNote(q.get(), code.get(), text));
                }
            });
        }
        if (net == null) {
            return null;
        }
        return new Advice(net, disclaimer, care, fusion, notes);
    }

    private final List<Runnable> pendingCodeChecks = new ArrayList<>();

    private Condition when(Fields f) {
        Optional<Condition> when = f.node("when").flatMap(conditions::read);
        when.ifPresent(otherConditions::add);
        return when.orElse(Condition.ALWAYS);
    }

    private Set<Level> levelSet(Fields f) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (Node node : f.list("levels", true).orElse(List.of())) {
            if (node instanceof Node.Scalar s) {
                level(s.text(), s.at()).ifPresent(levels::add);
            } else {
                problems.add(new Problem(node.at(), "each entry of 'levels' must be a level name, not " + node.describe()
                        + " — write a level such as ROUTINE"));
            }
        }
        return levels;
    }

    private Advice.ConservativeCare care(Fields c) {
        Set<Level> levels = levelSet(c);
        Condition when = when(c);
        String intro = c.text("intro", true).orElse("");
        Optional<String> triedQuestion = c.code("tried_question", true);
        String triedLabel = c.text("tried_label", false).orElse("you have tried this");
        List<Advice.CareItem> items = new ArrayList<>();
        for (Node node : c.list("items", true).orElse(List.of())) {
            Fields.of(node, "a conservative care item", CARE_ITEM, problems).ifPresent(i -> {
                String text = i.text("text", true).orElse("");
                List<String> tried = new ArrayList<>();
                for (Node t : i.list("tried", false).orElse(List.of())) {
                    if (t instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
                        tried.add(s.text());
                        triedQuestion.ifPresent(q -> pendingCodeChecks.add(() -> checkCode(q, s.text(),
                                c.node("tried_question").orElseThrow().at(), s.at(), "conservative care")));
                    } else {
                        problems.add(new Problem(t.at(), "each entry of 'tried' must be a code of " + triedQuestion.orElse("the tried question")
                                + ", not " + t.describe() + " — write a code"));
                    }
                }
                items.add(new Advice.CareItem(text, tried));
            });
        }
        triedQuestion.ifPresent(q -> {
            Location at = c.node("tried_question").orElseThrow().at();
            pendingCodeChecks.add(() -> {
                Question question = questions.get(q);
                if (question == null) {
                    problems.add(new Problem(at, "conservative care names the question '" + q + "', which does not exist — "
                            + Suggest.didYouMean(q, questions.keySet(), "name a multi question")));
                } else if (!(question instanceof Question.Multi)) {
                    problems.add(new Problem(at, "tried_question must be a multi question, and " + q + " is "
                            + question.type() + " — name a multi question"));
                }
            });
        });
        return new Advice.ConservativeCare(levels, when, intro, triedQuestion.orElse(""), triedLabel, items);
    }

    private void checkCode(String questionId, String code, Location questionAtLoc, Location codeAt, String owner) {
        Question question = questions.get(questionId);
        if (question == null) {
            return; // reported once where the question is named
        }
        if (question.option(code).isEmpty()) {
            problems.add(new Problem(codeAt, owner + " names the code '" + code + "', which " + questionId + " does not have — "
                    + Suggest.didYouMean(code, question.codes(), "use one of: " + String.join(", ", question.codes()))));
        }
    }

    private void checkConditions() {
        for (Runnable check : pendingCodeChecks) {
            check.run();
        }
        for (OrderedCondition ordered : askWhens) {
            checkLeaves(ordered.condition(), ordered.before(), ordered.owner());
        }
        for (Condition condition : otherConditions) {
            checkLeaves(condition, Integer.MAX_VALUE, null);
        }
    }

    /** Every leaf must name a known question and code, with an operator that fits its type, asked before {@code before}. */
    private void checkLeaves(Condition condition, int before, String owner) {
        if (condition instanceof Condition.All all) {
            all.parts().forEach(p -> checkLeaves(p, before, owner));
        } else if (condition instanceof Condition.Any any) {
            any.parts().forEach(p -> checkLeaves(p, before, owner));
        } else if (condition instanceof Condition.Not not) {
            checkLeaves(not.part(), before, owner);
        } else if (condition instanceof Condition.OnQuestion leaf) {
            checkLeaf(leaf, before, owner);
        }
    }

    private void checkLeaf(Condition.OnQuestion leaf, int before, String owner) {
        Location at = conditions.leaves().get(leaf);
        Question question = questions.get(leaf.question());
        if (question == null) {
            problems.add(new Problem(at, "the condition reads the question '" + leaf.question() + "', which does not exist — "
                    + Suggest.didYouMean(leaf.question(), questions.keySet(), "name a question of this questionnaire")));
            return;
        }
        if (owner != null && order.get(leaf.question()) >= before) {
            boolean itself = owner.equals("question " + leaf.question());
            problems.add(new Problem(at, "the ask_when of " + owner + " reads "
                    + (itself ? "the question itself" : leaf.question() + ", which is asked later")
                    + " — a condition may only read questions asked before it"));
        }
        String operator = operatorName(leaf);
        boolean fits;
        if (leaf instanceof Condition.Equals) {
            fits = question instanceof Question.YesNo || question instanceof Question.Choice;
        } else if (leaf instanceof Condition.Has || leaf instanceof Condition.CountAtLeast) {
            fits = question instanceof Question.Multi;
        } else if (leaf instanceof Condition.Compare) {
            fits = question instanceof Question.IntegerQuestion;
        } else {
            fits = true;
        }
        if (!fits) {
            String use = switch (question.type()) {
                case "multi" -> "has or count_at_least";
                case "integer" -> "at_least, at_most or below";
                default -> "equals";
            };
            String article = question.type().startsWith("i") ? "an " : "a ";
            problems.add(new Problem(at, "'" + operator + "' does not fit " + leaf.question() + ", " + article + question.type()
                    + " question — use " + use));
            return;
        }
        String code = leaf instanceof Condition.Equals e ? e.code() : leaf instanceof Condition.Has h ? h.code() : null;
        if (code != null) {
            Optional<Option> option = question.option(code);
            if (option.isEmpty()) {
                problems.add(new Problem(at, "the condition compares " + leaf.question() + " with '" + code
                        + "', which is not one of its codes — "
                        + Suggest.didYouMean(code, question.codes(), "use one of: " + String.join(", ", question.codes()))));
            } else if (option.get().unknown()) {
                problems.add(new Problem(at, "'" + code + "' means unknown, so comparing with it is never true — "
                        + "use an answer note for it, or compare with a known code"));
            }
        }
    }

    private static String operatorName(Condition.OnQuestion leaf) {
        if (leaf instanceof Condition.Compare c) {
            return c.comparison().key();
        }
        if (leaf instanceof Condition.Equals) {
            return "equals";
        }
        if (leaf instanceof Condition.Has) {
            return "has";
        }
        return leaf instanceof Condition.CountAtLeast ? "count_at_least" : "answered";
    }
}

package dev.spinecheck.load;

import dev.spinecheck.engine.ActionKind;
import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Emergency;
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
    private static final Set<String> TOP = Set.of("id", "version", "title", "intro", "sources", "levels", "people", "emergency",
            "questions", "flags", "advice");
    private static final Set<String> SECTION = Set.of("section", "title", "ask_when", "questions");
    private static final Set<String> QUESTION = Set.of("question", "type", "text", "help", "ask_when", "options", "min", "max", "unit", "below_min");
    private static final Set<String> OPTION = Set.of("code", "text", "help", "exclusive", "unknown");
    private static final Set<String> FLAG = Set.of("flag", "level", "title", "reason", "action", "action_kind", "see", "when");
    private static final Set<String> LEVEL = Set.of("label", "headline", "time_frame", "next_step");
    private static final Set<String> ADVICE = Set.of("safety_net", "disclaimer", "conservative_care", "fusion_note", "answer_notes",
            "read_more");
    private static final Set<String> READ_MORE = Set.of("learn", "when", "person");
    private static final Set<String> SAFETY_NET = Set.of("intro", "groups");
    private static final Set<String> SAFETY_GROUP = Set.of("kind", "title", "items");
    private static final Set<String> EMERGENCY = Set.of("call", "go", "call_when", "instructions", "undone");
    private static final Set<String> EMERGENCY_ACTION = Set.of("line", "last_line", "brief");
    private static final Set<String> INSTRUCTION = Set.of("text", "flags", "unless_flags");
    private static final Set<String> CARE = Set.of("levels", "when", "intro", "tried_question", "tried_label", "items", "learn");
    private static final Set<String> CARE_ITEM = Set.of("text", "tried");
    private static final Set<String> FUSION = Set.of("levels", "when", "title", "text", "learn");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> NOTE = Set.of("question", "code", "text", "action_kind");
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

    /** Every link to a topic of {@code spinecheck learn}, with where it is written, for validate to check. */
    private final List<TopicReader.LinkAt> learnLinks = new ArrayList<>();

    /**
     * A questionnaire with where each question and flag id was written, for messages about them, and the topics of
     * {@code spinecheck learn} its advice links to.
     */
    public record Located(Questionnaire questionnaire, Map<String, Location> questions, Map<String, Location> flags,
            List<TopicReader.LinkAt> learn) {
        public Located {
            learn = List.copyOf(learn);
        }
    }

    private QuestionnaireReader() {}

    public static Questionnaire read(Node root) throws InvalidInputException {
        return readLocated(root).questionnaire();
    }

    public static Located readLocated(Node root) throws InvalidInputException {
        QuestionnaireReader reader = new QuestionnaireReader();
        Questionnaire questionnaire = reader.build(root);
        return new Located(questionnaire, Map.copyOf(reader.questionAt), Map.copyOf(reader.flagAt), reader.learnLinks);
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
        List<String> people = people(f);
        List<Flag> flags = flags(f, people);
        checkNextSteps(f, levels, flags, people);
        Emergency emergency = emergency(f, flags);
        Advice advice = f.mapping("advice", "advice", ADVICE, true).map(a -> advice(a, people)).orElse(null);
        checkConditions();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new Questionnaire(id, version, title, intro, sources, items, flags, levels, advice, people, emergency);
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
            levelPlaces.put(level.get(), entry.keyAt());
            Fields.of(entry.value(), "level " + entry.key(), LEVEL, problems).ifPresent(l -> {
                Map<String, String> nextStepFor = new LinkedHashMap<>();
                String nextStep = "";
                Optional<Node> next = l.node("next_step");
                if (next.isPresent() && level.get() == Level.EMERGENCY) {
                    problems.add(new Problem(l.keyAt("next_step"), "the EMERGENCY level takes no next_step: its next step is"
                            + " the emergency action of its flags — remove it (the wording is under emergency:)"));
                } else if (next.isPresent() && next.get() instanceof Node.Mapping byPerson) {
                    Fields.of(byPerson, "the next_step of " + entry.key(), keysOf(byPerson), problems).ifPresent(p -> {
                        for (Node.Entry e : byPerson.entries()) {
                            p.text(e.key(), true).ifPresent(t -> nextStepFor.put(e.key(), t));
                        }
                    });
                    nextStepPlaces.put(level.get(), l.keyAt("next_step"));
                } else {
                    nextStep = l.text("next_step", false).orElse("");
                }
                levels.put(level.get(), new LevelText(level.get(), l.text("label", true).orElse(entry.key()),
                        l.text("headline", true).orElse(""), l.text("time_frame", true).orElse(""), nextStep, nextStepFor));
            });
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

    private final Map<Level, Location> nextStepPlaces = new EnumMap<>(Level.class);
    private final Map<Level, Location> levelPlaces = new EnumMap<>(Level.class);

    private static Set<String> keysOf(Node.Mapping map) {
        Set<String> keys = new HashSet<>();
        map.entries().forEach(e -> keys.add(e.key()));
        return keys;
    }

    /** Whom flags may name, most specific first. */
    private List<String> people(Fields f) {
        List<String> people = new ArrayList<>();
        for (Node node : f.list("people", false).orElse(List.of())) {
            if (node instanceof Node.Scalar s && s.isString() && ID.matcher(s.text()).matches()) {
                if (people.contains(s.text())) {
                    problems.add(new Problem(s.at(), "'" + s.text() + "' is listed twice in people — list each once"));
                } else {
                    people.add(s.text());
                }
            } else {
                problems.add(new Problem(node.at(), "each entry of 'people' must be an id like spine_specialist, not "
                        + node.describe() + " — write an id of lower-case letters, digits and '_'"));
            }
        }
        return people;
    }

    /**
     * Each level below EMERGENCY needs a next step for every person its flags name (and SELF_CARE, which has no
     * flags' person, one plain next step).
     */
    private void checkNextSteps(Fields f, Map<Level, LevelText> levels, List<Flag> flags, List<String> people) {
        Set<Level> reported = EnumSet.noneOf(Level.class);
        for (Flag flag : flags) {
            LevelText text = levels.get(flag.level());
            if (flag.isEmergency() || text == null || reported.contains(flag.level())) {
                continue;
            }
            Location at = nextStepPlaces.getOrDefault(flag.level(), levelPlaces.getOrDefault(flag.level(), f.keyAt("levels")));
            if (!text.nextStepFor().isEmpty() && !text.nextStepFor().containsKey(flag.see())) {
                problems.add(new Problem(at, "the next_step of " + flag.level() + " has no sentence for " + flag.see()
                        + ", whom flag " + flag.id() + " names — add " + flag.see() + ": <the one action, like See a doctor today.>"));
                reported.add(flag.level());
            } else if (text.nextStepFor().isEmpty() && text.nextStep().isEmpty()) {
                problems.add(new Problem(at, "level " + flag.level() + " has no next_step, so a result with flag " + flag.id()
                        + " would not say what to do next — add next_step: <the one action, like See a doctor today.>"));
                reported.add(flag.level());
            }
        }
        for (Map.Entry<Level, LevelText> e : levels.entrySet()) {
            for (String person : e.getValue().nextStepFor().keySet()) {
                if (!people.contains(person)) {
                    problems.add(new Problem(nextStepPlaces.get(e.getKey()), "the next_step of " + e.getKey() + " names '"
                            + person + "', who is not in people — " + Suggest.didYouMean(person, people,
                                    people.isEmpty() ? "add people: [" + person + "] at the top" : "add it to people, or remove the line")));
                }
            }
        }
        LevelText selfCare = levels.get(Level.SELF_CARE);
        if (selfCare != null && selfCare.nextStep().isEmpty()) {
            problems.add(new Problem(levelPlaces.getOrDefault(Level.SELF_CARE, f.keyAt("levels")), "SELF_CARE has no next_step —"
                    + " add next_step: <what to do when no warning sign was found>"));
        }
    }

    private List<Flag> flags(Fields f, List<String> people) {
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
            boolean emergency = level.filter(l -> l == Level.EMERGENCY).isPresent();
            String action = "";
            ActionKind kind = null;
            String see = null;
            if (emergency) {
                kind = ff.code("action_kind", true).flatMap(k -> actionKind(k, ff.node("action_kind").orElseThrow().at())).orElse(null);
                for (String key : List.of("action", "see")) {
                    if (ff.has(key)) {
                        problems.add(new Problem(ff.keyAt(key), "an EMERGENCY flag takes no '" + key + "': what it tells the"
                                + " person is the emergency action of its action_kind (call or go) — remove it"));
                    }
                }
            } else if (level.isPresent()) {
                action = ff.text("action", true).orElse("");
                // Whom to see: by default the last, most general person (a doctor).
                see = ff.code("see", false).orElse(people.isEmpty() ? null : people.get(people.size() - 1));
                if (see != null && !people.contains(see)) {
                    problems.add(new Problem(ff.node("see").orElseThrow().at(), "flag " + id.orElse("?") + " sends the person"
                            + " to see '" + see + "', who is not in people — " + Suggest.didYouMean(see, people,
                                    people.isEmpty() ? "add people: [" + see + "] at the top" : "use one of: " + String.join(", ", people))));
                }
                if (ff.has("action_kind")) {
                    problems.add(new Problem(ff.keyAt("action_kind"), "only an EMERGENCY flag takes action_kind — remove it,"
                            + " or make the flag EMERGENCY"));
                }
            }
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
                flags.add(new Flag(id.get(), level.get(), title, reason, action, kind, see, when.get()));
            }
        }
        return flags;
    }

    private Optional<ActionKind> actionKind(String code, Location at) {
        Optional<ActionKind> kind = ActionKind.of(code);
        if (kind.isEmpty()) {
            problems.add(new Problem(at, "there is no action kind '" + code + "' — "
                    + Suggest.didYouMean(code, List.of("call", "go"), "use call (call the emergency number) or go (go to the emergency department)")));
        }
        return kind;
    }

    /** The wording of the one emergency action; required when any flag is EMERGENCY. */
    private Emergency emergency(Fields f, List<Flag> flags) {
        boolean needed = flags.stream().anyMatch(Flag::isEmergency);
        Optional<Fields> of = f.mapping("emergency", "emergency", EMERGENCY, needed);
        if (of.isEmpty()) {
            return new Emergency(Map.of(), Condition.NEVER, List.of(), "");
        }
        Fields e = of.get();
        Map<ActionKind, Emergency.Action> actions = new EnumMap<>(ActionKind.class);
        Set<ActionKind> used = EnumSet.noneOf(ActionKind.class);
        flags.stream().filter(fl -> fl.isEmergency() && fl.kind() != null).forEach(fl -> used.add(fl.kind()));
        if (e.has("call_when")) {
            used.add(ActionKind.CALL);
        }
        for (ActionKind kind : ActionKind.values()) {
            e.mapping(kind.code(), "the emergency action " + kind.code(), EMERGENCY_ACTION, used.contains(kind)).ifPresent(a -> actions.put(kind,
                    new Emergency.Action(a.text("line", true).orElse(""), a.text("last_line", true).orElse(""),
                            a.text("brief", true).orElse(""))));
        }
        Condition callWhen = Condition.NEVER;
        if (e.has("call_when")) {
            callWhen = e.node("call_when").flatMap(conditions::read).orElse(Condition.NEVER);
            otherConditions.add(callWhen);
        }
        Set<String> emergencyIds = new HashSet<>();
        flags.stream().filter(Flag::isEmergency).forEach(fl -> emergencyIds.add(fl.id()));
        List<Emergency.Instruction> instructions = new ArrayList<>();
        for (Node node : e.list("instructions", false).orElse(List.of())) {
            Fields.of(node, "an emergency instruction", INSTRUCTION, problems).ifPresent(i -> {
                String text = i.text("text", true).orElse("");
                List<String> when = flagIds(i, "flags", true, emergencyIds);
                List<String> unless = flagIds(i, "unless_flags", false, emergencyIds);
                instructions.add(new Emergency.Instruction(text, when, unless));
            });
        }
        String undone = e.text("undone", true).orElse("");
        return new Emergency(actions, callWhen, instructions, undone);
    }

    private List<String> flagIds(Fields i, String key, boolean required, Set<String> emergencyIds) {
        List<String> ids = new ArrayList<>();
        for (Node node : i.list(key, required).orElse(List.of())) {
            if (node instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
                if (!emergencyIds.contains(s.text())) {
                    problems.add(new Problem(s.at(), "'" + s.text() + "' is not an EMERGENCY flag of this questionnaire — "
                            + Suggest.didYouMean(s.text(), emergencyIds, "name an EMERGENCY flag")));
                }
                ids.add(s.text());
            } else {
                problems.add(new Problem(node.at(), "each entry of '" + key + "' must be a flag id, not " + node.describe()
                        + " — write a flag id"));
            }
        }
        return ids;
    }

    private Advice advice(Fields a, List<String> people) {
        Advice.SafetyNet net = a.mapping("safety_net", "the safety net", SAFETY_NET, true).map(this::safetyNet).orElse(null);
        String disclaimer = a.text("disclaimer", true).orElse("");
        Advice.ConservativeCare care = a.mapping("conservative_care", "conservative_care", CARE, false).map(this::care).orElse(null);
        Advice.FusionNote fusion = a.mapping("fusion_note", "fusion_note", FUSION, false)
                .map(n -> new Advice.FusionNote(levelSet(n), when(n), n.text("title", true).orElse(""), n.text("text", true).orElse(""),
                        learn(n, "fusion_note")))
                .orElse(null);
        List<Advice.AnswerNote> notes = new ArrayList<>();
        for (Node node : a.list("answer_notes", false).orElse(List.of())) {
            Fields.of(node, "an answer note", NOTE, problems).ifPresent(n -> {
                Optional<String> q = n.code("question", true);
                Optional<String> code = n.code("code", true);
                String text = n.text("text", true).orElse("");
                ActionKind kind = n.code("action_kind", false)
                        .flatMap(k -> actionKind(k, n.node("action_kind").orElseThrow().at())).orElse(null);
                if (q.isPresent() && code.isPresent()) {
                    Location at = n.node("question").orElseThrow().at();
                    pendingCodeChecks.add(() -> checkCode(q.get(), code.get(), at, n.node("code").orElseThrow().at(), "an answer note"));
                    notes.add(new Advice.AnswerNote(q.get(), code.get(), text, kind));
                }
            });
        }
        List<Advice.ReadMore> readMore = new ArrayList<>();
        for (Node node : a.list("read_more", false).orElse(List.of())) {
            Fields.of(node, "a read_more entry", READ_MORE, problems).flatMap(r -> readMore(r, people)).ifPresent(readMore::add);
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
            problems.add(new Problem(r.map().at(), "a read_more entry has no 'learn' — add learn: [TOPIC, ...], the topics it links to"));
        }
        Optional<String> person = r.code("person", false);
        if (r.has("when") == person.isPresent()) {
            problems.add(new Problem(r.map().at(), "a read_more entry needs either 'when' (a condition) or 'person' (whom the one"
                    + " action names), not " + (person.isPresent() ? "both" : "neither") + " — keep one"));
        }
        person.ifPresent(p -> {
            if (!people.contains(p)) {
                problems.add(new Problem(r.node("person").orElseThrow().at(), "a read_more entry names the person '" + p
                        + "', who is not in people — " + Suggest.didYouMean(p, people, "name one of: " + String.join(", ", people))));
            }
        });
        Condition when = r.has("when") ? when(r) : Condition.ALWAYS;
        return topics.isEmpty() ? Optional.empty() : Optional.of(new Advice.ReadMore(topics, when, person.orElse(null)));
    }

    /** The topics of {@code spinecheck learn} an advice item links to ({@code learn: [try-first]}); validate checks they exist. */
    private List<String> learn(Fields f, String owner) {
        List<String> topics = new ArrayList<>();
        for (Node node : f.list("learn", false).orElse(List.of())) {
            if (node instanceof Node.Scalar s && TOPIC.matcher(s.text()).matches()) {
                topics.add(s.text());
                learnLinks.add(new TopicReader.LinkAt(s.text(), s.at()));
            } else {
                problems.add(new Problem(node.at(), "each entry of 'learn' in " + owner + " must be the name of a topic of"
                        + " spinecheck learn, not " + node.describe() + " — write a name like try-first"));
            }
        }
        if (f.node("learn").orElse(null) instanceof Node.Sequence seq && seq.items().isEmpty()) {
            problems.add(new Problem(f.keyAt("learn"), "'learn' in " + owner + " is empty — name a topic, or remove it"));
        }
        return topics;
    }

    private final List<Runnable> pendingCodeChecks = new ArrayList<>();

    private Advice.SafetyNet safetyNet(Fields s) {
        String intro = s.text("intro", true).orElse("");
        List<Advice.SafetyGroup> groups = new ArrayList<>();
        List<Node> nodes = s.list("groups", true).orElse(List.of());
        if (s.has("groups") && nodes.isEmpty()) {
            problems.add(new Problem(s.keyAt("groups"), "the safety net has no groups — add at least one, with a title and items"));
        }
        for (Node node : nodes) {
            Fields.of(node, "a safety net group", SAFETY_GROUP, problems).ifPresent(g -> {
                ActionKind kind = g.code("kind", false).flatMap(k -> actionKind(k, g.node("kind").orElseThrow().at())).orElse(null);
                groups.add(new Advice.SafetyGroup(kind, g.text("title", true).orElse(""), g.texts("items", true)));
            });
        }
        return new Advice.SafetyNet(intro, groups);
    }

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
        return new Advice.ConservativeCare(levels, when, intro, triedQuestion.orElse(""), triedLabel, items, learn(c, "conservative_care"));
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

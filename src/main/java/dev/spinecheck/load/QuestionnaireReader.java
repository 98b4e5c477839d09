package dev.spinecheck.load;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Emergency;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Questionnaire} from its located tree, finding every problem it can in one pass. The parts are read
 * by {@link ItemReader} (the question tree), {@link LevelReader} (levels and people), {@link FlagReader} (flags and the
 * emergency action) and {@link AdviceReader}; then {@link CrossChecks} and {@link Placeholders} check what needs the
 * whole questionnaire.
 *
 * <p>The key sets below are the questionnaire format: every key a mapping of each kind may have.
 */
public final class QuestionnaireReader {
    public static final Set<String> TOP = Set.of("id", "version", "title", "intro", "sources", "levels", "people", "emergency",
            "questions", "flags", "advice");
    public static final Set<String> SECTION = Set.of("section", "title", "ask_when", "questions");
    public static final Set<String> QUESTION = Set.of("question", "type", "text", "help", "ask_when", "options", "min", "max", "unit", "below_min");
    public static final Set<String> OPTION = Set.of("code", "text", "help", "exclusive", "unknown");
    public static final Set<String> FLAG = Set.of("flag", "level", "title", "reason", "action", "action_kind", "see", "when");
    public static final Set<String> LEVEL = Set.of("label", "headline", "time_frame", "next_step");
    public static final Set<String> ADVICE = Set.of("safety_net", "disclaimer", "conservative_care", "fusion_note", "answer_notes",
            "read_more");
    public static final Set<String> READ_MORE = Set.of("learn", "when", "person");
    public static final Set<String> SAFETY_NET = Set.of("intro", "groups");
    public static final Set<String> SAFETY_GROUP = Set.of("kind", "title", "items");
    public static final Set<String> EMERGENCY = Set.of("call", "go", "call_when", "instructions", "undone");
    public static final Set<String> EMERGENCY_ACTION = Set.of("line", "last_line", "brief");
    public static final Set<String> INSTRUCTION = Set.of("text", "flags", "unless_flags");
    public static final Set<String> CARE = Set.of("levels", "when", "intro", "tried_question", "tried_label", "items", "learn");
    public static final Set<String> CARE_ITEM = Set.of("text", "tried");
    public static final Set<String> FUSION = Set.of("levels", "when", "title", "text", "learn");
    public static final Set<String> NOTE = Set.of("question", "code", "text", "action_kind");
    public static final Set<String> TYPES = Set.of("yes_no", "choice", "multi", "integer");

    /**
     * A questionnaire with where each question, flag and condition was written, for messages about them, the topics of
     * {@code spinecheck learn} its advice links to, and the warnings found while reading it.
     */
    public record Located(Questionnaire questionnaire, Map<String, Location> questions, Map<String, Location> flags,
            List<TopicReader.LinkAt> learn, List<LocatedCondition> conditions, List<Problem> warnings) {

        public Located {
            questions = Map.copyOf(questions);
            flags = Map.copyOf(flags);
            learn = List.copyOf(learn);
            conditions = List.copyOf(conditions);
            warnings = List.copyOf(warnings);
        }
    }

    private final Draft draft = new Draft();

    private QuestionnaireReader() {}

    public static Questionnaire read(Node root) throws InvalidInputException {
        return readLocated(root).questionnaire();
    }

    public static Located readLocated(Node root) throws InvalidInputException {
        QuestionnaireReader reader = new QuestionnaireReader();
        Questionnaire questionnaire = reader.build(root);
        Draft d = reader.draft;
        List<Problem> warnings = new ArrayList<>(d.warnings);
        warnings.addAll(HiddenCharacters.in(root));
        return new Located(questionnaire, d.questionAt, d.flagAt, d.learnLinks, d.locatedConditions(), sorted(warnings));
    }

    /** The questionnaire keys by what they belong to, for tools that describe the format. */
    public static Map<String, Set<String>> keySets() {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        sets.put("questionnaire", TOP);
        sets.put("section", SECTION);
        sets.put("question", QUESTION);
        sets.put("option", OPTION);
        sets.put("flag", FLAG);
        sets.put("level", LEVEL);
        sets.put("advice", ADVICE);
        sets.put("safety_net", SAFETY_NET);
        sets.put("safety_net group", SAFETY_GROUP);
        sets.put("emergency", EMERGENCY);
        sets.put("emergency action", EMERGENCY_ACTION);
        sets.put("emergency instruction", INSTRUCTION);
        sets.put("conservative_care", CARE);
        sets.put("conservative_care item", CARE_ITEM);
        sets.put("fusion_note", FUSION);
        sets.put("answer note", NOTE);
        sets.put("read_more entry", READ_MORE);
        sets.put("condition", ConditionReader.KEYS);
        return sets;
    }

    private Questionnaire build(Node root) throws InvalidInputException {
        List<Problem> problems = draft.problems;
        Optional<Fields> top = Fields.of(root, "the questionnaire", TOP, problems);
        if (top.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Fields f = top.get();
        String id = f.code("id", true).orElse("");
        if (!id.isEmpty() && !Draft.ID.matcher(id).matches()) {
            draft.problem(f.node("id").orElseThrow().at(), "the id '" + id
                    + "' may use only lower-case letters, digits, '_' and '-' — rename it, like spine-screening");
        }
        String version = f.code("version", true).orElse("");
        String title = f.text("title", true).orElse("");
        String intro = f.text("intro", false).orElse("");
        List<String> sources = f.texts("sources", false);
        ItemReader itemReader = new ItemReader(draft);
        List<Item> items = f.list("questions", true).map(list -> itemReader.items(list, "the questionnaire")).orElse(List.of());
        if (f.has("questions") && draft.questions.isEmpty()) {
            draft.problem(f.keyAt("questions"), "the questionnaire has no questions — add at least one");
        }
        LevelReader levelReader = new LevelReader(draft);
        Map<Level, LevelText> levels = levelReader.levels(f);
        List<String> people = levelReader.people(f);
        FlagReader flagReader = new FlagReader(draft, levelReader);
        List<Flag> flags = flagReader.flags(f, people);
        Emergency emergency = flagReader.emergency(f, flags);
        Advice advice = f.mapping("advice", "advice", ADVICE, true)
                .map(a -> new AdviceReader(draft, levelReader, flagReader).advice(a, people)).orElse(null);
        new CrossChecks(draft).run(levels, flags, people, f.keyAt("levels"));
        Placeholders.check(root, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new Questionnaire(id, version, title, intro, sources, items, flags, levels, advice, people, emergency);
    }

    static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(BY_PLACE);
        return copy;
    }

    /**
     * By line, then column. A class, not a lambda: a comparator made from lambdas by {@code Comparator.comparingInt}
     * is spun at its first use, in the middle of a batch, and is not kept in the class-data archive.
     */
    private static final java.util.Comparator<Problem> BY_PLACE = new java.util.Comparator<>() {
        @Override
        public int compare(Problem a, Problem b) {
            int byLine = Integer.compare(a.at().line(), b.at().line());
            return byLine != 0 ? byLine : Integer.compare(a.at().column(), b.at().column());
        }
    };
}

package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A questionnaire definition: the question tree, the flags, how levels are told, and the advice. Immutable. */
public final class Questionnaire {

    /** A question in walk order with its effective condition: its own ask-when and those of its sections. */
    public record Step(Question question, Condition askWhen, int index) {}

    private final String id;
    private final String version;
    private final String title;
    private final String intro;
    private final List<String> sources;
    private final List<Item> items;
    private final List<Flag> flags;
    private final Map<Level, LevelText> levels;
    private final Advice advice;
    private final List<String> people;
    private final Emergency emergency;
    private final List<Step> steps;
    private final Map<String, Step> stepsById;
    private final WalkIndex walkIndex;
    private final AdviceIndex adviceIndex;

    public Questionnaire(String id, String version, String title, String intro, List<String> sources, List<Item> items,
            List<Flag> flags, Map<Level, LevelText> levels, Advice advice, List<String> people, Emergency emergency) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.intro = intro;
        this.sources = List.copyOf(sources);
        this.items = List.copyOf(items);
        this.flags = List.copyOf(flags);
        this.levels = Collections.unmodifiableMap(new EnumMap<>(levels));
        this.advice = advice;
        this.people = List.copyOf(people);
        this.emergency = emergency;
        List<Step> flat = new ArrayList<>();
        flatten(this.items, List.of(), flat);
        this.steps = List.copyOf(flat);
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step step : steps) {
            byId.putIfAbsent(step.question().id(), step);
        }
        this.stepsById = Collections.unmodifiableMap(byId);
        this.walkIndex = new WalkIndex(this.steps, this.flags);
        this.adviceIndex = new AdviceIndex(advice, emergency, walkIndex);
    }

    /** The questions, conditions and flags by position, for the walk. */
    WalkIndex walkIndex() {
        return walkIndex;
    }

    /** The advice's conditions, compiled for the result. */
    AdviceIndex adviceIndex() {
        return adviceIndex;
    }

    private static void flatten(List<Item> items, List<Condition> outer, List<Step> into) {
        for (Item item : items) {
            if (item instanceof Section section) {
                flatten(section.items(), with(outer, section.askWhen()), into);
            } else if (item instanceof Question question) {
                List<Condition> all = with(outer, question.askWhen());
                Condition effective = all.isEmpty() ? Condition.ALWAYS : all.size() == 1 ? all.get(0) : new Condition.All(all);
                into.add(new Step(question, effective, into.size()));
            }
        }
    }

    private static List<Condition> with(List<Condition> outer, Condition extra) {
        // Not extra.equals(ALWAYS): a record's first equals() costs start-up time (its method handles are built then).
        if (extra == null || extra instanceof Condition.All all && all.parts().isEmpty()) {
            return outer;
        }
        List<Condition> all = new ArrayList<>(outer);
        all.add(extra);
        return all;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String intro() {
        return intro;
    }

    public List<String> sources() {
        return sources;
    }

    public List<Item> items() {
        return items;
    }

    public List<Flag> flags() {
        return flags;
    }

    public LevelText level(Level level) {
        return levels.get(level);
    }

    public Map<Level, LevelText> levels() {
        return levels;
    }

    public Advice advice() {
        return advice;
    }

    /**
     * Whom a flag may send a person to see, most specific first (the surgical team before a spine specialist before
     * a doctor): the first of these that any flag of the result's level names is the one in its action.
     */
    public List<String> people() {
        return people;
    }

    public Emergency emergency() {
        return emergency;
    }

    /** Every question in the order a walk meets them. */
    public List<Step> steps() {
        return steps;
    }

    public Optional<Question> question(String id) {
        Step step = stepsById.get(id);
        return step == null ? Optional.empty() : Optional.of(step.question());
    }

    public Optional<Step> step(String id) {
        return Optional.ofNullable(stepsById.get(id));
    }
}

package dev.spinecheck.load;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the question tree: sections, questions and their options. */
final class ItemReader {
    private final Draft draft;

    ItemReader(Draft draft) {
        this.draft = draft;
    }

    List<Item> items(List<Node> nodes, String owner) {
        List<Item> items = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Node.Mapping map && map.get("section").isPresent()) {
                section(map).ifPresent(items::add);
            } else if (node instanceof Node.Mapping map && map.get("question").isPresent()) {
                question(map).ifPresent(items::add);
            } else {
                draft.problem(node.at(), "each entry of the questions of " + owner
                        + " must start with 'question: <id>' or 'section: <id>' — add one");
            }
        }
        return items;
    }

    /** Remembers an id of the tree; false (with a problem) when a section or question already has it. */
    private boolean claim(String id, Location at, String kind) {
        Location first = draft.idAt.putIfAbsent(id, at);
        if (first == null) {
            draft.idKind.put(id, kind);
            return true;
        }
        String firstKind = draft.idKind.get(id);
        boolean questions = firstKind.equals("question") && kind.equals("question");
        draft.problem(at, "the id '" + id + "' is used twice (first on line " + first.line()
                + (firstKind.equals(kind) ? "" : ", by a " + firstKind) + ") — give every "
                + (questions ? "question" : "section and question") + " its own id");
        return false;
    }

    private Optional<Item> section(Node.Mapping map) {
        Fields f = new Fields(map, "a section", QuestionnaireReader.SECTION, draft.problems);
        String id = f.code("section", true).orElse("?");
        Location at = f.node("section").orElseThrow().at();
        draft.checkId(id, at, "section");
        claim(id, at, "section");
        String title = f.text("title", false).orElse("");
        int firstIndex = draft.questions.size();
        Condition askWhen = draft.condition(f, "ask_when", "the ask_when of section " + id, firstIndex).orElse(Condition.ALWAYS);
        List<Item> items = f.list("questions", true).map(list -> items(list, "section " + id)).orElse(List.of());
        if (f.has("questions") && items.isEmpty()) {
            draft.problem(f.keyAt("questions"), "section " + id + " is empty — add a question or remove the section");
        }
        return Optional.of(new Section(id, title, askWhen, items));
    }

    private Optional<Item> question(Node.Mapping map) {
        Fields f = new Fields(map, "question " + map.get("question").map(n -> n instanceof Node.Scalar s ? s.text() : "?").orElse("?"),
                QuestionnaireReader.QUESTION, draft.problems);
        Optional<String> maybeId = f.code("question", true);
        if (maybeId.isEmpty()) {
            return Optional.empty();
        }
        String id = maybeId.get();
        Location at = f.node("question").orElseThrow().at();
        draft.checkId(id, at, "question");
        claim(id, at, "question");
        String type = f.code("type", true).orElse("");
        if (!type.isEmpty() && !QuestionnaireReader.TYPES.contains(type)) {
            draft.problem(f.node("type").orElseThrow().at(), "unknown question type '" + type + "' — "
                    + Suggest.didYouMean(type, QuestionnaireReader.TYPES, "use one of: yes_no, choice, multi, integer"));
        }
        String text = f.text("text", true).orElse("");
        String help = f.text("help", false).orElse("");
        int index = draft.questions.size();
        Condition askWhen = draft.condition(f, "ask_when", "the ask_when of question " + id, index).orElse(Condition.ALWAYS);
        f.node("options").ifPresent(n -> draft.optionsAt.putIfAbsent(id, f.keyAt("options")));
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
                    draft.problem(f.keyAt(key), "'" + key + "' applies only to integer questions, and "
                            + id + " is " + (type.isEmpty() ? "not one" : type) + " — remove it");
                }
            }
        }
        if (question == null || draft.questions.containsKey(id)) {
            return Optional.empty();
        }
        draft.questions.put(id, question);
        draft.questionAt.put(id, at);
        draft.order.put(id, index);
        return Optional.of(question);
    }

    private Question whole(Fields f, String id, String text, String help, Condition askWhen) {
        long min = f.whole("min", true).orElse(0L);
        long max = f.whole("max", true).orElse(Long.MAX_VALUE);
        if (min > max) {
            draft.problem(f.keyAt("max"), "max (" + max + ") is below min (" + min + ") in question " + id + " — swap them");
        }
        if (f.has("options")) {
            draft.problem(f.keyAt("options"), "integer question " + id + " takes no options — remove them, or make it a choice");
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
            draft.problem(f.keyAt("options"), "a yes_no question has exactly the codes yes and no, but "
                    + id + " has " + String.join(", ", codes) + " — make it a choice question, or keep yes and no");
        }
        return options;
    }

    private List<Option> options(Fields f, String id, boolean multi) {
        List<Node> nodes = f.list("options", true).orElse(List.of());
        if (f.has("options") && nodes.isEmpty()) {
            draft.problem(f.keyAt("options"), "question " + id + " has no options — add at least two");
        }
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node node : nodes) {
            Optional<Fields> of = Fields.of(node, "an option of " + id, QuestionnaireReader.OPTION, draft.problems);
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
                draft.problem(o.keyAt("exclusive"), "'exclusive' applies only to multi questions, and "
                        + id + " takes one code anyway — remove it");
            }
            if (code.isEmpty()) {
                continue;
            }
            Location codeAt = o.node("code").orElseThrow().at();
            if (!Draft.ID.matcher(code.get()).matches()) {
                draft.problem(codeAt, "the code '" + code.get() + "' may use only lower-case letters, digits, '_' and '-' — rename it");
            }
            if (!seen.add(code.get())) {
                draft.problem(codeAt, "the code '" + code.get() + "' appears twice in " + id + " — give every option its own code");
                continue;
            }
            options.add(new Option(code.get(), text, help, exclusive, unknown));
        }
        if (multi && !options.isEmpty() && options.stream().allMatch(Option::exclusive)) {
            draft.problem(f.keyAt("options"), "every option of " + id
                    + " is exclusive, so no two can be chosen together — make it a choice question");
        }
        return options;
    }
}

package dev.spinecheck.load;

import java.util.List;
import java.util.Set;

/**
 * Every {@code {…}} in a questionnaire's texts must be a placeholder the program fills in: a misspelt one would reach
 * a worried person as written ("Call {emergency-number} now"). {@code {emergency_number}} may be used in every text;
 * {@code {answer}}, {@code {question}} and {@code {action}} only in {@code emergency.undone}, the one text they are
 * filled into.
 */
final class Placeholders {
    static final Set<String> EVERYWHERE = Set.of("emergency_number");
    static final Set<String> IN_UNDONE = Set.of("emergency_number", "answer", "question", "action");

    /** The keys whose values (and list entries, and the values of a mapping under them) are text shown to a person. */
    private static final Set<String> TEXT_KEYS = Set.of("title", "intro", "sources", "text", "help", "below_min", "label",
            "headline", "time_frame", "next_step", "reason", "action", "line", "last_line", "brief", "undone",
            "disclaimer", "items", "tried_label");

    private final List<Problem> problems;

    private Placeholders(List<Problem> problems) {
        this.problems = problems;
    }

    static void check(Node root, List<Problem> problems) {
        new Placeholders(problems).walk(root, false, false, false);
    }

    private void walk(Node node, boolean text, boolean undone, boolean inEmergency) {
        if (node instanceof Node.Mapping map) {
            for (Node.Entry e : map.entries()) {
                boolean isUndone = inEmergency && e.key().equals("undone");
                walk(e.value(), text || TEXT_KEYS.contains(e.key()), isUndone, e.key().equals("emergency") && !text);
            }
        } else if (node instanceof Node.Sequence seq) {
            seq.items().forEach(item -> walk(item, text, undone, false));
        } else if (node instanceof Node.Scalar s && s.isString() && text) {
            scalar(s, undone ? IN_UNDONE : EVERYWHERE, undone);
        }
    }

    private void scalar(Node.Scalar s, Set<String> allowed, boolean undone) {
        String t = s.text();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '}') {
                problems.add(new Problem(s.at(), "this text has a '}' with no '{' before it — remove it, or write the"
                        + " placeholder in full, like {emergency_number}"));
                i++;
            } else if (c == '{') {
                int end = t.indexOf('}', i + 1);
                int nextOpen = t.indexOf('{', i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                    problems.add(new Problem(s.at(), "this text has a '{' with no '}' after it — finish the placeholder,"
                            + " like {emergency_number}, or remove the '{'"));
                    i++;
                    continue;
                }
                String name = t.substring(i + 1, end);
                if (!allowed.contains(name)) {
                    problems.add(new Problem(s.at(), unknown(name, allowed, undone)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    private static String unknown(String name, Set<String> allowed, boolean undone) {
        String shown = "{" + name + "}";
        if (!undone && IN_UNDONE.contains(name)) {
            return shown + " is filled in only in emergency.undone, so here the person would see it as written — write"
                    + " it out in words";
        }
        String known = undone ? "{emergency_number}, {answer}, {question} and {action}" : "{emergency_number}";
        return Suggest.closest(name, allowed)
                .map(s -> shown + " is not a placeholder — did you mean {" + s + "}?")
                .orElse(shown + " is not a placeholder, so the person would see it as written — this text may use "
                        + known + ", or write it out in words");
    }
}

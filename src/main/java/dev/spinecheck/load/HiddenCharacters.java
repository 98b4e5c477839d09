package dev.spinecheck.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the texts of a questionnaire that hold control, invisible or direction-changing characters: they are shown
 * escaped (see {@link SafeText}), and {@code validate} warns about each, with its place, so that the author can remove
 * them.
 */
public final class HiddenCharacters {
    private HiddenCharacters() {}

    /** One warning for each key or text value in the tree that holds such a character. */
    public static List<Problem> in(Node root) {
        List<Problem> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<Problem> found) {
        if (node instanceof Node.Mapping map) {
            for (Node.Entry entry : map.entries()) {
                check(entry.key(), entry.keyAt(), found);
                walk(entry.value(), found);
            }
        } else if (node instanceof Node.Sequence seq) {
            seq.items().forEach(item -> walk(item, found));
        } else if (node instanceof Node.Scalar scalar && scalar.isString()) {
            check(scalar.text(), scalar.at(), found);
        }
    }

    private static void check(String text, Location at, List<Problem> found) {
        int i = SafeText.firstUnsafe(text);
        if (i >= 0) {
            char c = text.charAt(i);
            String kind = SafeText.isHidden(c) ? "an invisible or direction-changing character" : "a control character";
            found.add(new Problem(at, "the text holds " + kind + " (" + SafeText.escape(c) + "), which a reader cannot see or which"
                    + " changes what they see — it is shown as " + SafeText.escape(c) + "; remove it"));
        }
    }
}

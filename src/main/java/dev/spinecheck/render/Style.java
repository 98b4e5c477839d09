package dev.spinecheck.render;

/** Emphasis for a terminal that shows colour; plain otherwise. Colour is only ever emphasis, never the message. */
public final class Style {
    private final boolean colour;

    public Style(boolean colour) {
        this.colour = colour;
    }

    public static Style plain() {
        return new Style(false);
    }

    public String strong(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    public String alarm(String text) {
        return colour ? "\u001b[1;97;41m" + text + "\u001b[0m" : text;
    }
}

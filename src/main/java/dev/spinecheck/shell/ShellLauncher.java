package dev.spinecheck.shell;

import dev.spinecheck.render.Style;
import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opens the person's terminal, decides plain mode and colour in one place, and runs the screening in it. */
public final class ShellLauncher {

    public enum Colour { auto, always, never }

    /** Words that make a command line one that asks nothing: the other commands, help and version. */
    private static final Set<String> NOT_ASKING = Set.of("batch", "validate", "test", "export", "learn", "help", "-h", "--help",
            "-V", "--version");

    private ShellLauncher() {}

    /**
     * Whether a person is at a terminal: standard input and output both are one. (From JDK 22 a console exists even
     * when the streams are redirected; there {@code Console.isTerminal()} tells.)
     */
    public static boolean personAtTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Called first of all, with the command line: when a person is at a terminal and these arguments may start the
     * interactive screening, the terminal gets a head start ({@link TerminalHeadStart}) while the command line and the
     * questionnaire are read. A guess, and a cheap one: when it is wrong, the head start is not used, or JLine does its
     * part later itself.
     */
    public static void prepare(String[] args) {
        for (String arg : args) {
            if (NOT_ASKING.contains(arg) || arg.startsWith("--answers") || arg.startsWith("-a")) {
                return;
            }
        }
        HeadStartQuestions questions = new HeadStartQuestions();
        TerminalHeadStart.begin(questions, questions);
    }

    /**
     * What the head start asks, as a class rather than two lambdas: the first lambda that captures nothing makes the JVM
     * generate code, milliseconds that would be spent here, at the very start, instead of on the head start's thread.
     */
    private static final class HeadStartQuestions implements BooleanSupplier, Supplier<String> {
        @Override
        public boolean getAsBoolean() {
            return personAtTerminal();
        }

        @Override
        public String get() {
            return TerminalBuilder.builder().computeType();
        }
    }

    /** JLine's warnings as one plain line each, never a stack trace: called before any terminal is built. */
    public static void plainTerminalWarnings() {
        TerminalWarnings.asPlainLines(System.err);
    }

    /** Plain when asked for, or when the terminal cannot do more (TERM=dumb). */
    public static boolean plain(boolean requested, Terminal terminal, Map<String, String> env) {
        return requested || Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                || "dumb".equals(env.get("TERM"));
    }

    /** One colour policy: never in plain mode; NO_COLOR (even empty) turns auto off. */
    public static boolean colour(Colour choice, boolean plain, Map<String, String> env) {
        if (plain) {
            return false;
        }
        return switch (choice) {
            case always -> true;
            case never -> false;
            case auto -> !env.containsKey("NO_COLOR");
        };
    }

    /**
     * Why {@code --save FILE} must not be used without --force: the file is there and is not a progress file of this
     * questionnaire, so saving would replace it. Empty when the file is missing, empty, or one of ours.
     */
    public static Optional<String> refusalToReplace(Path file, dev.spinecheck.engine.Questionnaire questionnaire) {
        return ProgressStore.refusal(file, questionnaire);
    }

    /**
     * The person's terminal, without JLine unpacking its native library into the temporary folder: on JDK 22 and later
     * through the JDK's own foreign function access (the FFM provider); before that through the library unpacked once
     * into the user's cache folder ({@link NativeLibrary}), else through JLine's exec provider, which runs {@code stty},
     * {@code tty} and {@code test -t} as helper processes. Any of them may run {@code infocmp} once to learn an
     * unfamiliar terminal type. With the library loaded, JLine is told to use it alone: asked to choose, it also asks
     * the exec provider whether the streams are a terminal, which runs {@code test -t 1} at every start.
     */
    static TerminalBuilder terminalBuilder(Map<String, String> env) {
        boolean jni = NativeLibrary.prepare(env).isPresent();
        TerminalBuilder builder = TerminalBuilder.builder().system(true).nativeSignals(true).name("spinecheck").jni(jni);
        defaultEncoding(builder);
        return jni ? builder.provider(TerminalBuilder.PROP_PROVIDER_JNI) : builder;
    }

    /**
     * The encoding JLine would choose itself, said outright. Unless its properties choose one, JLine takes the JVM's
     * default charset, but only after it has looked for a Windows code page numbered 0 ("ms0", then "cp0") through
     * every charset provider, which no charset is called and which costs milliseconds of every start.
     */
    static void defaultEncoding(TerminalBuilder builder) {
        if (System.getProperty("org.jline.terminal.encoding") == null && System.getProperty("org.jline.terminal.codepage") == null) {
            builder.encoding(Charset.defaultCharset());
        }
    }

    public static int run(InteractiveScreening.Options options, boolean plainRequested, Colour colour) throws IOException {
        plainTerminalWarnings();
        TerminalBuilder builder = terminalBuilder(options.env());
        TerminalHeadStart.await();
        try (Terminal terminal = builder.build()) {
            return run(terminal, options, plainRequested, colour);
        }
    }

    /** The screening in a terminal already open. */
    static int run(Terminal terminal, InteractiveScreening.Options options, boolean plainRequested, Colour colour) {
        boolean plain = plain(plainRequested, terminal, options.env());
        Style style = new Style(colour(colour, plain, options.env()));
        return new InteractiveScreening(terminal, style, plain, options).run();
    }
}

package dev.spinecheck.shell;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.Wording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A rehearsal of the interactive start, for the launcher's class-data archive (a training run, which has no terminal):
 * the screening runs on a terminal in memory up to its first question, where "quit" is typed, so that the classes of
 * the terminal, the line reader and the screen are in the archive, and a person's start does not load them from the
 * jar. It shows nothing and reads nothing of the person. Its progress file goes into a new folder given as the only
 * argument (the launcher's private work folder, removed after the training); with none, nothing is saved. It ends
 * after ten seconds at most, whatever happens: a training run never hangs.
 */
public final class Rehearsal {
    private static final long WAIT_MILLIS = 10_000;

    /**
     * Classes of the person's own terminal that a terminal in memory does not use (JLine's native access, its signal
     * handling): loaded, not initialised, so that nothing native is loaded or unpacked and no handler is installed. A
     * name that a later JLine or Java lacks is skipped.
     */
    static final List<String> SYSTEM_TERMINAL = List.of(
            "org.jline.nativ.CLibrary", "org.jline.nativ.CLibrary$Termios", "org.jline.nativ.CLibrary$WinSize",
            "org.jline.nativ.JLineNativeLoader", "org.jline.nativ.JLineNativeLoader$1", "org.jline.nativ.OSInfo",
            "org.jline.terminal.impl.AbstractPosixTerminal", "org.jline.terminal.impl.PosixSysTerminal",
            "org.jline.terminal.impl.NativeSignalHandler", "org.jline.terminal.impl.AbstractPty",
            "org.jline.terminal.impl.AbstractPty$1", "org.jline.terminal.impl.AbstractPty$PtyInputStream",
            "org.jline.terminal.impl.AbstractPty$FileDescriptorCreator", "org.jline.terminal.impl.jni.JniTerminalProvider",
            "org.jline.terminal.impl.jni.JniNativePty", "org.jline.terminal.impl.jni.JniNativePty$1",
            "org.jline.terminal.impl.jni.linux.LinuxNativePty", "org.jline.terminal.impl.jni.linux.LinuxNativePty$1",
            "org.jline.terminal.TerminalBuilder$SystemOutput", "org.jline.terminal.spi.SystemStream",
            "org.jline.utils.FastBufferedOutputStream", "org.jline.utils.ShutdownHooks", "org.jline.utils.ShutdownHooks$1",
            "org.jline.utils.ShutdownHooks$Task", "org.jline.utils.Signals", "sun.misc.Signal", "sun.misc.SignalHandler",
            "sun.misc.Signal$InternalMiscHandler", "sun.misc.Signal$SunMiscHandler", "dev.spinecheck.shell.NativeLibrary");

    private Rehearsal() {}

    public static void main(String[] args) throws Exception {
        Optional<Path> state = Optional.empty();
        if (args.length == 1) {
            // A new folder only: the rehearsal never writes into one that holds anything already.
            state = Optional.of(Files.createDirectory(Path.of(args[0])).toAbsolutePath());
        }
        Optional<Path> folder = state;
        // On a daemon thread, waited for ten seconds at most: a training run never hangs, whatever happens here.
        Thread rehearsal = new Thread(() -> {
            try {
                rehearse(folder);
            } catch (Exception e) {
                // Only the archive is the poorer.
            }
        }, "rehearsal");
        rehearsal.setDaemon(true);
        rehearsal.start();
        rehearsal.join(WAIT_MILLIS);
    }

    /** The start of a screening, on a terminal in memory, up to "quit" at the first question. */
    static void rehearse(Optional<Path> state) throws Exception {
        ShellLauncher.personAtTerminal();
        ClassLoader loader = Rehearsal.class.getClassLoader();
        for (String name : SYSTEM_TERMINAL) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not in this JLine: its class is simply not archived.
            }
        }
        Wording wording = new Wording(null);
        Questionnaire questionnaire = wording.filledIn(new QuestionnaireLoader(new TreeReader()).bundled());
        Map<String, String> env = state.map(folder -> Map.of("XDG_STATE_HOME", folder.toString(), "TERM", "xterm-256color"))
                .orElse(Map.of("TERM", "xterm-256color"));
        InteractiveScreening.Options options = new InteractiveScreening.Options(questionnaire, wording, env, Optional.empty(),
                state.isEmpty(), Optional.empty(), false, Map.of());
        TerminalHeadStart.begin(() -> true, () -> "xterm-256color");
        TerminalHeadStart.await();
        try (Terminal terminal = TerminalBuilder.builder().system(false).provider(TerminalBuilder.PROP_PROVIDER_EXEC)
                .streams(new ByteArrayInputStream("quit\r".getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream())
                .type("xterm-256color").size(new Size(80, 24)).encoding(StandardCharsets.UTF_8).build()) {
            ShellLauncher.run(terminal, options, false, ShellLauncher.Colour.auto);
        } catch (IOException e) {
            // Only the archive is the poorer.
        }
    }
}

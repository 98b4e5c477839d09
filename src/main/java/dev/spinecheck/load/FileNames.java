package dev.spinecheck.load;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File names as the system holds them: bytes. Java turns them into text with the locale's character set, and a name
 * that is not valid in it (a Latin-1 name under UTF-8, any non-ASCII name when no locale is set) loses its bytes on
 * the way: the path no longer names the file, and the message shows "?" for the part that matters. Here a name given
 * on the command line gets its own bytes back, and every name is shown as itself, an invalid byte as {@code \xE9}.
 */
public final class FileNames {
    private static final char LOST = '\uFFFD';

    private FileNames() {}

    /**
     * The path a command-line argument names. When the locale's character set could not read the argument, its bytes
     * are taken from {@code /proc/self/cmdline} instead, so that the file is found all the same.
     *
     * @throws InvalidPathException with a message in plain words when the name cannot be a path here
     */
    public static Path of(String argument) {
        if (argument.isEmpty()) {
            // Path.of("") is the current folder: an empty argument (a variable that was not set) would read it.
            throw new InvalidPathException(argument, "an empty name is not a file or folder — give its path (for the"
                    + " current folder, write .)");
        }
        if (argument.indexOf(LOST) >= 0) {
            List<byte[]> raw = commandLine();
            for (int i = raw.size() - 1; i >= 0; i--) {
                if (new String(raw.get(i), jnu()).equals(argument)) {
                    return fromBytes(raw.get(i));
                }
                byte[] value = optionValue(raw.get(i));
                if (value != null && new String(value, jnu()).equals(argument)) {
                    return fromBytes(value);
                }
            }
        }
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new InvalidPathException(argument, "the name cannot be used as a file name here: it holds characters that this"
                    + " system's character set (" + jnu().name() + ") cannot hold — run it with a UTF-8 locale, like LC_ALL=C.UTF-8");
        }
    }

    /**
     * The name of a path as text: as Java shows it, except that bytes that are not valid UTF-8 are written as
     * {@code \xE9} instead of being lost. For a {@code source} field; a message shows {@link #display} instead.
     */
    public static String name(Path path) {
        String text = path.toString();
        if (text.indexOf(LOST) < 0) {
            return text;
        }
        byte[] bytes = bytes(path);
        return bytes == null ? text : decode(bytes);
    }

    /** A command-line argument for a message, escaped as {@link #display} escapes a name; an empty one shown as ''. */
    public static String shown(String argument) {
        return argument.isEmpty() ? "''" : Problem.visible(argument);
    }

    /** The name of a path for a message: {@link #name}, with control and invisible characters escaped too. */
    public static String display(Path path) {
        return Problem.visible(name(path));
    }

    /** The bytes of a path as the system holds them (its file URI carries them, percent-encoded), or null. */
    private static byte[] bytes(Path path) {
        try {
            String absolute = path.toAbsolutePath().toUri().getRawPath();
            String prefix = "";
            if (!path.isAbsolute()) {
                prefix = Path.of("").toAbsolutePath().toUri().getRawPath();
                if (!prefix.endsWith("/")) {
                    prefix += "/";
                }
            }
            if (!absolute.startsWith(prefix)) {
                return null;
            }
            String raw = absolute.substring(prefix.length());
            if (raw.endsWith("/") && !path.toString().endsWith("/")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            return percentDecode(raw);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A file URI's raw path holds only ASCII: every other byte is percent-encoded. */
    private static byte[] percentDecode(String raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** UTF-8 where it is valid, each other byte as {@code \xHH}. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xFF));
                }
                continue;
            }
            decoder.flush(out);
            break;
        }
        out.flip();
        return out.toString();
    }

    /** A path with exactly these bytes: a file URI carries them percent-encoded, whatever the locale. */
    private static Path fromBytes(byte[] bytes) {
        boolean absolute = bytes.length > 0 && bytes[0] == '/';
        StringBuilder uri = new StringBuilder("file://");
        if (!absolute) {
            String cwd = Path.of("").toAbsolutePath().toUri().getRawPath();
            uri.append(cwd.endsWith("/") ? cwd : cwd + "/");
        }
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
                uri.append((char) c);
            } else {
                uri.append(String.format(Locale.ROOT, "%%%02X", c));
            }
        }
        Path path = Path.of(URI.create(uri.toString()));
        return absolute ? path : Path.of("").toAbsolutePath().relativize(path);
    }

    /** This process's arguments as bytes (Linux), or none. */
    /** The bytes after the {@code =} of an argument {@code --name=value} (option names are ASCII); null for any other. */
    private static byte[] optionValue(byte[] argument) {
        if (argument.length < 3 || argument[0] != '-' || argument[1] != '-') {
            return null;
        }
        for (int i = 2; i < argument.length; i++) {
            if (argument[i] == '=') {
                return java.util.Arrays.copyOfRange(argument, i + 1, argument.length);
            }
        }
        return null;
    }

    private static List<byte[]> commandLine() {
        List<byte[]> args = new ArrayList<>();
        try {
            byte[] all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    args.add(java.util.Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return args;
    }

    private static Charset jnu() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}

package dev.spinecheck.shell;

import dev.spinecheck.files.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.jline.nativ.OSInfo;

/**
 * JLine's small native library for terminal access on JDK 17 to 21, kept where it belongs. Left to itself, JLine
 * unpacks it into the temporary folder on every start (and leaves it there when the program is killed). Instead it is
 * unpacked once into the user's cache folder ({@code $XDG_CACHE_HOME/spinecheck/}, else {@code ~/.cache/spinecheck/}),
 * in a folder only its owner can open, checked against the copy in the jar on every start, and loaded from there.
 * When that cannot be done (no home folder, a read-only or shared cache, a disk that forbids loading code), the
 * terminal is reached without it, through {@code stty} (JLine's exec provider). From JDK 22 the JDK's own foreign
 * function access is used instead, and nothing is unpacked.
 */
final class NativeLibrary {
    /** The system property JLine reads to find the library in a folder of our choosing. */
    static final String PATH_PROPERTY = "library.jline.path";

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private NativeLibrary() {}

    /** Whether this JDK has the foreign function access JLine's FFM provider uses (JDK 22 and later). */
    static boolean jdkHasForeignAccess() {
        return Runtime.version().feature() >= 22;
    }

    /**
     * Unpacks (once) and loads the library from the user's cache folder, and points JLine at it. Empty when it is not
     * needed or cannot be used: JLine then must not try its own unpacking (its JNI provider is left out).
     */
    static Optional<Path> prepare(Map<String, String> env) {
        if (jdkHasForeignAccess()) {
            return Optional.empty();
        }
        String name = System.mapLibraryName("jlinenative");
        String resource = "/org/jline/nativ/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] library = in.readAllBytes();
            Optional<Path> cache = cacheFolder(env);
            if (cache.isEmpty()) {
                return Optional.empty();
            }
            Path folder = cache.get().resolve("spinecheck").resolve("jline-native-" + digest(library));
            privateFolder(cache.get().resolve("spinecheck"));
            privateFolder(folder);
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Arrays.equals(Files.readAllBytes(file), library)) {
                AtomicFile.write(file, library);
            }
            System.load(file.toString());
            System.setProperty(PATH_PROPERTY, folder.toString());
            return Optional.of(file);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> cacheFolder(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank() && Path.of(cache).isAbsolute()) {
            return Optional.of(Path.of(cache));
        }
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Optional.of(Path.of(home, ".cache"));
        }
        return Optional.empty();
    }

    /** Creates the folder private, or checks that an existing one is ours and private (made so when it is ours). */
    private static void privateFolder(Path folder) throws IOException {
        AtomicFile.createPrivateFolder(folder);
        if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a folder");
        }
        if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name", ""))) {
            throw new IOException(folder + " belongs to another user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * A short name for the library's version, for its folder: its CRC-32. (The copy is compared byte for byte before it
     * is loaded; a SHA-256 here would load the security providers, some 30 ms of every interactive start.)
     */
    private static String digest(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String hex = Long.toHexString(crc.getValue());
        return "0".repeat(8 - hex.length()) + hex;
    }
}

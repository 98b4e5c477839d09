package dev.spinecheck.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spinecheck.support.SpecialFiles;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files (and links to them) are ever replaced; everything else is written straight into or refused. */
class OutputTargetTest {
    @TempDir
    Path dir;

    @Test
    void a_new_name_and_an_existing_regular_file_are_replaced_atomically() throws Exception {
        assertThat(OutputTarget.of(dir.resolve("new.jsonl"))).isEqualTo(new OutputTarget.Replaceable(dir.resolve("new.jsonl"), false));
        Path old = Files.writeString(dir.resolve("old.jsonl"), "old\n");
        assertThat(OutputTarget.of(old)).isEqualTo(new OutputTarget.Replaceable(old, true));
    }

    @Test
    void a_link_to_a_regular_file_or_to_nothing_is_a_link_that_may_be_replaced() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), victim);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("gone"));
        assertThat(OutputTarget.of(link)).isInstanceOf(OutputTarget.Replaceable.class);
        assertThat(OutputTarget.of(dangling)).isInstanceOf(OutputTarget.Replaceable.class);
    }

    @Test
    void standard_output_and_dev_null_are_written_straight_into() throws Exception {
        assertThat(OutputTarget.of(Path.of("/dev/stdout"))).isEqualTo(new OutputTarget.Stream(Path.of("/dev/stdout"), true));
        assertThat(OutputTarget.of(Path.of("/dev/fd/1"))).isEqualTo(new OutputTarget.Stream(Path.of("/dev/fd/1"), true));
        assertThat(OutputTarget.of(Path.of("/dev/stderr"))).isEqualTo(new OutputTarget.Stream(Path.of("/dev/stderr"), false));
        assertThat(OutputTarget.of(Path.of("/dev/null"))).isEqualTo(new OutputTarget.Stream(Path.of("/dev/null"), false));
        Path link = Files.createSymbolicLink(dir.resolve("out.jsonl"), Path.of("/dev/null"));
        assertThat(OutputTarget.of(link)).isInstanceOf(OutputTarget.Stream.class);
    }

    @Test
    void a_fifo_is_written_straight_into() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assertThat(OutputTarget.of(fifo)).isEqualTo(new OutputTarget.Stream(fifo, false));
    }

    @Test
    void a_folder_a_link_to_a_folder_and_a_socket_are_refused_in_plain_words() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("results"));
        assertThatThrownBy(() -> OutputTarget.of(folder)).isInstanceOf(UnusableOutputException.class)
                .hasMessage(folder + " is a folder — give a file name, like " + folder.resolve("results.jsonl"));
        Path link = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        assertThatThrownBy(() -> OutputTarget.of(link)).hasMessageStartingWith(link + " is a link to a folder — ");
        try (ServerSocketChannel socket = SpecialFiles.socket(dir.resolve("sock"))) {
            assertThatThrownBy(() -> OutputTarget.of(dir.resolve("sock")))
                    .hasMessage(dir.resolve("sock") + " is a socket, not a file — give the name of a file");
        }
    }

    @Test
    void a_missing_folder_and_a_file_as_the_folder_are_refused() throws Exception {
        Path missing = dir.resolve("no/such/folder/out.jsonl");
        assertThatThrownBy(() -> OutputTarget.of(missing))
                .hasMessage("the folder " + missing.getParent() + " does not exist — create it first, or choose another place");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> OutputTarget.of(file.resolve("out.jsonl")))
                .hasMessage(file + " is not a folder — choose another place");
    }

    @Test
    void a_folder_without_write_permission_is_refused() throws Exception {
        assumeTrue(!SpecialFiles.isRoot(), "running as root, who may write anywhere: FaultsIT checks a read-only mount instead");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        try {
            assertThatThrownBy(() -> OutputTarget.of(locked.resolve("out.jsonl")))
                    .hasMessage("you may not create files in " + locked + " — choose another place");
        } finally {
            locked.toFile().setWritable(true, true);
        }
    }

    @Test
    void atomic_writing_never_renames_over_a_fifo_or_a_folder() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assertThatThrownBy(() -> AtomicFile.write(fifo, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("it is not a regular file, so it is never replaced");
        Path folder = Files.createDirectory(dir.resolve("empty-folder"));
        assertThatThrownBy(() -> AtomicFile.write(folder, "x".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileSystemException.class);
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(SpecialFiles.names(dir)).containsExactly("empty-folder", "pipe");
    }

    @Test
    void atomic_writing_never_renames_over_a_device_node() throws Exception {
        assumeTrue(SpecialFiles.isRoot(), "making a device node with mknod needs root; run the tests as root to check this");
        Path device = SpecialFiles.nullDevice(dir.resolve("null"));
        assertThatThrownBy(() -> AtomicFile.write(device, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileSystemException.class);
        assertThat(SpecialFiles.type(device)).isEqualTo("character special file");
        assertThat(SpecialFiles.names(dir)).containsExactly("null");
    }

    @Test
    void a_link_to_a_device_is_never_replaced_either() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.jsonl"), Path.of("/dev/null"));
        assertThatThrownBy(() -> AtomicFile.write(link, "x".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileSystemException.class);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
        assertThat(SpecialFiles.type(Path.of("/dev/null"))).isEqualTo("character special file");
    }
}

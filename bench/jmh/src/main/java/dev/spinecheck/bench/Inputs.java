package dev.spinecheck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The answer files the benchmarks screen, read from the repository (bench/jmh.sh runs from its root). */
final class Inputs {
    private Inputs() {}

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmarks from the repository's root (bench/jmh.sh does)", e);
        }
    }

    /** A harmless screening that walks the whole path (about 30 answers). */
    static byte[] harmlessYaml() {
        return read("questionnaires/examples/harmless.yaml");
    }

    static byte[] harmlessJson() {
        return read("questionnaires/examples/harmless.json");
    }

    /** A screening that stops early at an emergency. */
    static byte[] emergencyYaml() {
        return read("src/test/resources/vignettes/P03.yaml");
    }
}

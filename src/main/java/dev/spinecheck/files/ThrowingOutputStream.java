package dev.spinecheck.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An output stream whose failures cannot be missed: the first failed write or flush throws an {@link OutputFailure},
 * and so does every later one, without writing anything more.
 */
public final class ThrowingOutputStream extends OutputStream {
    private final OutputStream out;
    private final Optional<String> destination;
    private OutputFailure failure;

    /** @param destination the file written to, or empty for standard output */
    public ThrowingOutputStream(OutputStream out, Optional<String> destination) {
        this.out = out;
        this.destination = destination;
    }

    @Override
    public void write(int b) {
        check();
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        check();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    throw failed(e);
                }
            }
        }
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private OutputFailure failed(IOException e) {
        failure = new OutputFailure(e, destination);
        return failure;
    }
}

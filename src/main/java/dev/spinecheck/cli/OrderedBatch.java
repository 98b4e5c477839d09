package dev.spinecheck.cli;

import dev.spinecheck.load.JsonLines;
import dev.spinecheck.script.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Screens the records of one JSON Lines input on several cores and writes their lines in input order. A reader thread
 * cuts the input into chunks of lines; a small pool screens and renders each chunk into its own text; the calling
 * thread writes the chunks in order, as each is done. The queue between them is bounded, so memory stays flat however
 * long the input is. A failed write (a full disk, a closed pipe) ends everything at once: the reader and the pool are
 * stopped, and the failure goes on to the caller unchanged. With one worker, each record is screened and written in
 * turn on the calling thread.
 */
final class OrderedBatch {
    /** What becomes of one record. */
    interface Screen {
        Verdict screen(JsonLines.Line line);
    }

    /** The input could not be read further: the one error that ends it. */
    interface ReadFailure {
        Verdict of(IOException e);
    }

    /** Writes one verdict as one line. */
    interface Render {
        void write(Verdict verdict, Writer out);
    }

    private static final int CHUNK_LINES = 64;
    private static final int CHUNK_BYTES = 1 << 18;

    private final int workers;

    OrderedBatch(int workers) {
        this.workers = workers;
    }

    /** How many records to screen at once on this machine. */
    static int defaultWorkers() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    void run(JsonLines lines, Screen screen, ReadFailure failure, Render render, Writer out, Tally tally) {
        if (workers <= 1) {
            sequential(lines, screen, failure, render, out, tally);
        } else {
            parallel(lines, screen, failure, render, out, tally);
        }
    }

    private static void sequential(JsonLines lines, Screen screen, ReadFailure failure, Render render, Writer out, Tally tally) {
        while (true) {
            JsonLines.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                Verdict error = failure.of(e);
                render.write(error, out);
                tally.add(error);
                return;
            }
            if (line == null) {
                return;
            }
            Verdict verdict = screen.screen(line);
            render.write(verdict, out);
            tally.add(verdict);
        }
    }

    /** The lines of one chunk, and for the last chunk whether the input ended with a read error. */
    private record Chunk(List<JsonLines.Line> lines, IOException readError, boolean last) {}

    /** A chunk screened: its text, and what it adds to the tally. */
    private record Done(char[] text, int length, Tally tally, boolean last) {}

    private void parallel(JsonLines lines, Screen screen, ReadFailure failure, Render render, Writer out, Tally tally) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "spinecheck-batch-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Future<Done>> ordered = new ArrayBlockingQueue<>(2 * workers + 2);
        // The text buffers of chunks written already, for the next chunks: a chunk's text is large, and made often. Room
        // for every buffer that can be in use at once (each chunk queued, one more being queued, one being written), so
        // that none is ever dropped: the same few live all along, and the old generation does not fill up with dropped
        // ones (which would make the resident memory grow with the length of the input).
        BlockingQueue<char[]> spare = new ArrayBlockingQueue<>(2 * workers + 4);
        Thread reader = new Thread(() -> read(lines, screen, failure, render, pool, ordered, spare), "spinecheck-batch-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Done done = result(ordered.take());
                out.write(done.text(), 0, done.length());
                out.flush();
                spare.offer(done.text());
                tally.add(done.tally());
                if (done.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (IOException e) {
            // The writers given here throw OutputFailure rather than IOException; a plain one is a bug.
            throw new java.io.UncheckedIOException(e);
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
    }

    private static Done result(Future<Done> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The reader: cuts the input into chunks, in order, and hands each to the pool. */
    private static void read(JsonLines lines, Screen screen, ReadFailure failure, Render render, ExecutorService pool,
            BlockingQueue<Future<Done>> ordered, BlockingQueue<char[]> spare) {
        try {
            List<JsonLines.Line> chunk = new ArrayList<>();
            long bytes = 0;
            while (true) {
                JsonLines.Line line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    submit(new Chunk(chunk, e, true), screen, failure, render, pool, ordered, spare);
                    return;
                }
                if (line == null) {
                    submit(new Chunk(chunk, null, true), screen, failure, render, pool, ordered, spare);
                    return;
                }
                chunk.add(line);
                bytes += line.bytes().length;
                // A chunk also ends where the input has nothing more ready, so that a slow producer's records are
                // answered as they come.
                if (chunk.size() >= CHUNK_LINES || bytes >= CHUNK_BYTES || !lines.ready()) {
                    submit(new Chunk(chunk, null, false), screen, failure, render, pool, ordered, spare);
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
            }
        } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
            // The writer stopped (a failed write): nothing more is read.
        } catch (RuntimeException | Error e) {
            ordered.offer(CompletableFuture.failedFuture(e));
        }
    }

    private static void submit(Chunk chunk, Screen screen, ReadFailure failure, Render render, ExecutorService pool,
            BlockingQueue<Future<Done>> ordered, BlockingQueue<char[]> spare) throws InterruptedException {
        ordered.put(pool.submit(() -> screen(chunk, screen, failure, render, spare.poll())));
    }

    private static Done screen(Chunk chunk, Screen screen, ReadFailure failure, Render render, char[] buffer) {
        CharSink text = new CharSink(buffer != null ? buffer : new char[chunk.lines().size() * 3072 + 64]);
        Tally tally = new Tally();
        for (JsonLines.Line line : chunk.lines()) {
            Verdict verdict = screen.screen(line);
            render.write(verdict, text);
            tally.add(verdict);
        }
        if (chunk.readError() != null) {
            Verdict error = failure.of(chunk.readError());
            render.write(error, text);
            tally.add(error);
        }
        return new Done(text.chars(), text.length(), tally, chunk.last());
    }

    /** A writer into a growing array, for one thread: a chunk's text before it is written out. */
    static final class CharSink extends Writer {
        private char[] chars;
        private int length;

        CharSink(char[] buffer) {
            chars = buffer;
        }

        private void room(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(length + more, chars.length * 2));
            }
        }

        @Override
        public void write(int c) {
            room(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] from, int offset, int count) {
            room(count);
            System.arraycopy(from, offset, chars, length, count);
            length += count;
        }

        @Override
        public void write(String from, int offset, int count) {
            room(count);
            from.getChars(offset, offset + count, chars, length);
            length += count;
        }

        char[] chars() {
            return chars;
        }

        int length() {
            return length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

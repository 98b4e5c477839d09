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
 * cuts the input into chunks of lines; a small pool screens and renders each chunk into its own {@link Lines}; the
 * calling thread writes the chunks out in order, as each is done. The queue between them is bounded, so memory stays flat however
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

    /**
     * Verdicts written as lines, held until they are written out: a chunk's, on the thread that screens it. Used again
     * for later chunks (by one thread at a time).
     */
    interface Lines {
        void write(Verdict verdict);

        /** Writes the lines held to the output, flushes it and forgets them; on the calling thread. */
        void writeOut() throws IOException;
    }

    /** Makes empty {@link Lines} for the output. */
    interface Render {
        Lines lines();
    }

    private static final int CHUNK_LINES = 256;
    private static final int CHUNK_BYTES = 1 << 19;

    private final int workers;

    OrderedBatch(int workers) {
        this.workers = workers;
    }

    /** How many records to screen at once on this machine. */
    static int defaultWorkers() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    void run(JsonLines lines, Screen screen, ReadFailure failure, Render render, Tally tally) {
        try {
            if (workers <= 1) {
                sequential(lines, screen, failure, render.lines(), tally);
            } else {
                parallel(lines, screen, failure, render, tally);
            }
        } catch (IOException e) {
            // The outputs given here throw OutputFailure rather than IOException; a plain one is a bug.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sequential(JsonLines lines, Screen screen, ReadFailure failure, Lines out, Tally tally) throws IOException {
        while (true) {
            JsonLines.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                Verdict error = failure.of(e);
                out.write(error);
                out.writeOut();
                tally.add(error);
                return;
            }
            if (line == null) {
                return;
            }
            Verdict verdict = screen.screen(line);
            out.write(verdict);
            out.writeOut();
            tally.add(verdict);
        }
    }

    /** The lines of one chunk, and for the last chunk whether the input ended with a read error. */
    private record Chunk(List<JsonLines.Line> lines, IOException readError, boolean last) {}

    /** A chunk screened: its lines, and what it adds to the tally. */
    private record Done(Lines lines, Tally tally, boolean last) {}

    private void parallel(JsonLines lines, Screen screen, ReadFailure failure, Render render, Tally tally) throws IOException {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "spinecheck-batch-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Future<Done>> ordered = new ArrayBlockingQueue<>(2 * workers + 2);
        // The lines of chunks written already, for the next chunks: a chunk's buffer is large, and needed often, and what
        // it keeps of the questionnaire's texts is made once. Room for every one that can be in use at once (each chunk
        // queued, one more being queued, one being written), so that none is ever dropped: the same few live all along,
        // and the old generation does not fill up with dropped ones (which would make the resident memory grow with the
        // length of the input).
        BlockingQueue<Lines> spare = new ArrayBlockingQueue<>(2 * workers + 4);
        Thread reader = new Thread(() -> read(lines, screen, failure, render, pool, ordered, spare), "spinecheck-batch-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Done done = result(ordered.take());
                done.lines().writeOut();
                spare.offer(done.lines());
                tally.add(done.tally());
                if (done.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
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
            BlockingQueue<Future<Done>> ordered, BlockingQueue<Lines> spare) {
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
                if (Thread.currentThread().isInterrupted()) {
                    // The writer stopped: not a line more is read.
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
            BlockingQueue<Future<Done>> ordered, BlockingQueue<Lines> spare) throws InterruptedException {
        ordered.put(pool.submit(() -> screen(chunk, screen, failure, render, spare.poll())));
    }

    private static Done screen(Chunk chunk, Screen screen, ReadFailure failure, Render render, Lines spare) {
        Lines out = spare != null ? spare : render.lines();
        Tally tally = new Tally();
        List<JsonLines.Line> lines = chunk.lines();
        for (int i = 0; i < lines.size(); i++) {
            Verdict verdict = screen.screen(lines.get(i));
            out.write(verdict);
            tally.add(verdict);
        }
        if (chunk.readError() != null) {
            Verdict error = failure.of(chunk.readError());
            out.write(error);
            tally.add(error);
        }
        return new Done(out, tally, chunk.last());
    }

    /** A writer into a growing array, for one thread: lines before they are written out. */
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

        void clear() {
            length = 0;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

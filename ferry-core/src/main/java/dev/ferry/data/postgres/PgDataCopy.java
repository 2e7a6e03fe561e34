package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.Sizes;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tables' rows: {@code jobs} pairs of sessions (one in the source's snapshot, one on the target) take slices
 * ({@link CopySlice}) from a shared queue, largest table first. A table whose last slice is committed is recorded
 * in the {@link PgCopyLog} (a resumed run skips it) and handed to the {@link PgTargetChecksums}, which fingerprint
 * it while the rest still copies.
 *
 * <p>Events are emitted on the calling thread only, so that a sink that throws (Ctrl-C at a renderer, a test) stops
 * the copy: every session is then aborted, and the tables not yet committed are not there at all.
 */
final class PgDataCopy {

    private static final long PROGRESS_EVERY_MILLIS = 250;

    /**
     * What the copy did: bytes of COPY text, tables copied by this run, and when asked for, each table's rows as
     * they passed ("schema.name" → count and hash sum, {@link CopyLineHash}).
     */
    record Outcome(long bytes, int tables, Map<String, RowSum> streamSums) {}

    private final DataEndpoint source;
    private final DataEndpoint target;
    private final String snapshot;
    private final PgCopyLog log;
    private final EventSink events;
    private final long totalBytes;
    private final boolean fingerprint;

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final Queue<FerryEvent> finished = new ConcurrentLinkedQueue<>();
    private final List<Connection> sessions = new CopyOnWriteArrayList<>();

    /** @param fingerprint whether to hash each row as it passes, for the verification ({@link CopyLineHash}) */
    PgDataCopy(DataEndpoint source, DataEndpoint target, String snapshot, PgCopyLog log, EventSink events,
               long totalBytes, boolean fingerprint) {
        this.fingerprint = fingerprint;
        this.source = source;
        this.target = target;
        this.snapshot = snapshot;
        this.log = log;
        this.events = events;
        this.totalBytes = totalBytes;
    }

    /** Copies the slices with {@code jobs} session pairs; each finished table goes to {@code checksums}. */
    Outcome run(List<CopySlice> slices, int jobs, PgTargetChecksums checksums) {
        Map<PgTable, Tally> tallies = new HashMap<>();
        slices.forEach(s -> tallies.computeIfAbsent(s.table(), t -> new Tally(s.count())));
        Queue<CopySlice> queue = new ConcurrentLinkedQueue<>(slices);
        int workers = Math.max(1, Math.min(jobs, slices.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, PgTargetChecksums.daemon("ferry-copy"));
        boolean done = false;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers && !slices.isEmpty(); i++) {
                futures.add(pool.submit(() -> work(queue, tallies, checksums)));
            }
            long lastProgress = 0;
            while (!allDone(futures)) {
                drain();
                if (System.currentTimeMillis() - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = System.currentTimeMillis();
                    events.emit(new FerryEvent.Progress("copy", bytes.get(), totalBytes, rows.get()));
                }
                sleep();
            }
            drain();
            done = true;
            Map<String, RowSum> sums = new HashMap<>();
            if (fingerprint) {
                tallies.forEach((table, tally) -> sums.put(table.display(), tally.sum));
            }
            return new Outcome(bytes.get(), tallies.size(), sums);
        } finally {
            if (!done) {
                abortAll();
            }
            pool.shutdownNow();
        }
    }

    private Void work(Queue<CopySlice> queue, Map<PgTable, Tally> tallies, PgTargetChecksums checksums)
            throws SQLException {
        try (Connection from = openSource(); Connection to = openTarget()) {
            CopySlice slice;
            while ((slice = queue.poll()) != null) {
                Tally tally = tallies.get(slice.table());
                tally.start();
                PgRowCopy.Copied copied;
                try {
                    copied = PgRowCopy.copy(slice, from, to, bytes, rows, fingerprint);
                } catch (PgRowCopy.Failure f) {
                    DataEndpoint side = f.role.equals("source") ? source : target;
                    throw PgConnections.queryFailed(side, f.role, "copy the rows of " + slice.table().display(), f.sql());
                }
                if (tally.finish(copied)) {
                    log.record(PgCopyLog.table(slice.table()));
                    finished.add(tally.event(slice.table(), slice.count()));
                    checksums.add(slice.table());
                }
            }
        }
        return null;
    }

    /** A session inside the copy's snapshot, set as pg_dump sets its own. */
    private Connection openSource() throws SQLException {
        Connection c = PgConnections.open(source, "source");
        sessions.add(c);
        try (Statement s = c.createStatement()) {
            // exact floats on any version; fail rather than silently skip rows hidden by row-level security; no
            // server-side timeout for a long table
            s.execute("SET extra_float_digits = 3; SET row_security = off; SET statement_timeout = 0;"
                    + " SET lock_timeout = 0; SET idle_in_transaction_session_timeout = 0");
            c.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
        }
        return c;
    }

    private Connection openTarget() throws SQLException {
        Connection c = PgConnections.open(target, "target");
        sessions.add(c);
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 0; SET lock_timeout = 0");
        }
        c.setAutoCommit(false);
        return c;
    }

    private void drain() {
        FerryEvent event;
        while ((event = finished.poll()) != null) {
            events.emit(event);
        }
    }

    private void abortAll() {
        for (Connection session : sessions) {
            try {
                session.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already closed
            }
        }
    }

    private static boolean allDone(List<Future<?>> futures) {
        boolean all = true;
        for (Future<?> future : futures) {
            if (!future.isDone()) {
                all = false;
                continue;
            }
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw FerryException.failed("interrupted", null, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw FerryException.failed("the copy failed: " + e.getCause().getMessage(), null, e.getCause());
            }
        }
        return all;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted", null, e);
        }
    }

    /** A table's slices as they finish: rows, bytes, and the time from its first slice's start to its last's end. */
    private static final class Tally {
        private int slicesLeft;
        private long rows;
        private long bytes;
        private long startNanos;
        private final RowSum sum = new RowSum();

        Tally(int slices) {
            this.slicesLeft = slices;
        }

        synchronized void start() {
            if (startNanos == 0) {
                startNanos = System.nanoTime();
            }
        }

        /** Returns true when this was the table's last slice. */
        synchronized boolean finish(PgRowCopy.Copied slice) {
            rows += slice.rows();
            bytes += slice.bytes();
            if (slice.sum() != null) {
                sum.add(slice.sum());
            }
            return --slicesLeft == 0;
        }

        synchronized FerryEvent event(PgTable table, int slices) {
            double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 0.001);
            String rate = rows > 0 ? String.format(Locale.ROOT, ", %,d rows, %,.0f rows/s", rows, rows / seconds) : "";
            return new FerryEvent.Step(String.format(Locale.ROOT, "copied %s: %s%s (%.1f s%s)", table.display(),
                    Sizes.human(bytes), rate, seconds, slices > 1 ? ", " + slices + " slices" : ""));
        }
    }
}

package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The target's table fingerprints ({@link PgChecksums#tableSum}), each computed as soon as the table's rows are
 * committed, in a few sessions of their own, while the other tables still copy: the verification then adds little
 * more than the last table's checksum to the wall time.
 */
final class PgTargetChecksums implements AutoCloseable {

    private final BlockingQueue<Optional<PgTable>> queue = new LinkedBlockingQueue<>();
    private final Map<String, String> sums = new ConcurrentHashMap<>();
    private final List<Connection> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    /** The source's column lists ({@link PgChecksums#tableSum}), read under the copy's locks: set before any add. */
    private volatile Map<String, String> columns = Map.of();

    /** @param open opens a target session (the same session settings as the source's checksums) */
    PgTargetChecksums(Callable<Connection> open, RowHash hash, int sessionCount) {
        pool = Executors.newFixedThreadPool(sessionCount, daemon("ferry-target-checksum"));
        for (int i = 0; i < sessionCount; i++) {
            workers.add(pool.submit(() -> {
                Connection connection = open.call();
                sessions.add(connection);
                try (connection; Statement s = connection.createStatement()) {
                    Optional<PgTable> next;
                    while ((next = queue.take()).isPresent()) {
                        PgTable table = next.get();
                        sums.put("table " + table.display(), PgChecksums.tableSum(s, hash, columns, table));
                    }
                }
                return null;
            }));
        }
    }

    /** The source's column lists, which every table's fingerprint is taken over; before the first {@link #add}. */
    void columns(Map<String, String> copied) {
        columns = Map.copyOf(copied);
    }

    /** Queues a table whose rows are all committed on the target. */
    void add(PgTable table) {
        queue.add(Optional.of(table));
    }

    /** Waits for every queued table; returns subject ("table s.t") → fingerprint. */
    Map<String, String> await() throws SQLException {
        workers.forEach(w -> queue.add(Optional.empty()));
        for (Future<?> worker : workers) {
            PgChecksums.result(worker);
        }
        return Map.copyOf(sums);
    }

    /** Stops whatever still runs (a failed copy: no need to finish its checksums). */
    @Override
    public void close() {
        for (Connection session : sessions) {
            try {
                session.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already closed
            }
        }
        pool.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

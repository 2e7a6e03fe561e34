package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints of a database's content, computed inside the server: per table the row count and the sum of a 64-bit
 * hash of each row as text ({@link RowHash}), the row being {@code ROW(columns)::text} over the columns the copy
 * writes (generated ones are computed again on the target, not copied; the same text that {@link CopyLineHash}
 * builds from a COPY line); per sequence its last value; for large objects their count and the
 * sum of md5 over oid and content. A sum needs no ordering, so no sort, no primary key, and no 1 GB string limit
 * (which an md5 over string_agg of a large table would hit); any changed, added or removed row changes it.
 *
 * <p>Both sides are read with the same session settings (see {@link PgConnections#open}) so that equal values are
 * equal text.
 */
final class PgChecksums {

    private PgChecksums() {
    }

    /** Subject ("table public.users") → fingerprint ("1200 rows, sum 123…"), for the given tables and sequences. */
    static Map<String, String> of(Connection connection, RowHash hash, Map<String, String> columns, List<PgTable> tables,
                                  List<PgTable> sequences) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>(tablesOnly(connection, hash, columns, tables));
        try (Statement s = connection.createStatement()) {
            for (PgTable sequence : sequences) {
                sums.put("sequence " + sequence.display(), sequenceValue(s, sequence));
            }
            sums.put("large objects", largeObjectSum(s));
        }
        return sums;
    }

    /**
     * The same as {@link #of}, with the tables spread over {@code connections} sessions (largest first, each to the
     * least loaded session): a table is scanned by one backend, so big databases verify in parallel.
     */
    static Map<String, String> parallel(Callable<Connection> open, int connections, RowHash hash,
                                        Map<String, String> columns, List<PgTable> tables, List<PgTable> sequences)
            throws SQLException {
        if (connections <= 1 || tables.size() <= 1) {
            try (Connection c = call(open)) {
                return of(c, hash, columns, tables, sequences);
            }
        }
        List<List<PgTable>> shares = new ArrayList<>();
        long[] load = new long[connections];
        for (int i = 0; i < connections; i++) {
            shares.add(new ArrayList<>());
        }
        tables.stream().sorted(Comparator.comparingLong(PgTable::bytes).reversed()).forEach(t -> {
            int least = 0;
            for (int i = 1; i < load.length; i++) {
                least = load[i] < load[least] ? i : least;
            }
            shares.get(least).add(t);
            load[least] += Math.max(t.bytes(), 1);
        });
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Map<String, String>>> parts = new ArrayList<>();
            for (List<PgTable> share : shares) {
                parts.add(pool.submit(() -> {
                    try (Connection c = call(open)) {
                        return tablesOnly(c, hash, columns, share);
                    }
                }));
            }
            Map<String, String> found = new HashMap<>();
            for (Future<Map<String, String>> part : parts) {
                found.putAll(result(part));
            }
            Map<String, String> sums = new LinkedHashMap<>();
            tables.forEach(t -> sums.put("table " + t.display(), found.get("table " + t.display())));
            try (Connection c = call(open)) {
                Map<String, String> rest = of(c, hash, columns, List.of(), sequences);
                sums.putAll(rest);
            }
            return sums;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> tablesOnly(Connection connection, RowHash hash, Map<String, String> columns,
                                                  List<PgTable> tables) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (PgTable table : tables) {
                sums.put("table " + table.display(), tableSum(s, hash, columns, table));
            }
        }
        return sums;
    }

    /**
     * A checksum worker's result, its failure rethrown as it was raised (an SQL error stays an SQL error), so that
     * the parallel and the overlapped verification fail the same way as the sequential one.
     */
    static <T> T result(Future<T> worker) throws SQLException {
        try {
            return worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    private static Connection call(Callable<Connection> open) throws SQLException {
        try {
            return open.call();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    /**
     * One table's fingerprint: "1200 rows, sum 123…", or "missing".
     *
     * @param columns "schema.name" → the quoted column list the copy uses ({@link PgCatalog#copyLayout}); both sides
     *     of a comparison must be given the same (the source's)
     */
    static String tableSum(Statement s, RowHash hash, Map<String, String> columns, PgTable table) throws SQLException {
        String cols = columns.get(table.display());
        String row = cols == null ? "t::text" : "ROW(" + cols + ")::text";
        String sql = "SELECT count(*), " + hash.sum(row) + " FROM ONLY " + table.quoted() + " AS t";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return fingerprint(rs.getLong(1), rs.getBigDecimal(2).toBigIntegerExact());
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return "missing";
            }
            throw e;
        }
    }

    /** The form both sides' table fingerprints take. */
    static String fingerprint(long rows, java.math.BigInteger sum) {
        return rows + " rows, sum " + sum;
    }

    private static String sequenceValue(Statement s, PgTable sequence) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence.quoted())) {
            rs.next();
            return "last value " + rs.getLong(1) + (rs.getBoolean(2) ? "" : " (not yet called)");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return "missing";
            }
            throw e;
        }
    }

    private static String largeObjectSum(Statement s) throws SQLException {
        String sql = "SELECT count(*), " + RowHash.MD5.sum("oid::text || ':' || md5(lo_get(oid))")
                + " FROM pg_largeobject_metadata";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + " objects, sum " + rs.getBigDecimal(2).toPlainString();
        }
    }
}

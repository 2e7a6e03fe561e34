package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints of a database's content, computed inside the server: per table the row count and the sum of the first
 * 64 bits of md5(row as text); per sequence its last value; for large objects their count and the same sum over
 * md5(oid and content). A sum needs no ordering, so no sort, no primary key, and no 1 GB string limit (which an
 * md5 over string_agg of a large table would hit); any changed, added or removed row changes it.
 *
 * <p>Both sides are read with the same session settings (see {@link PgConnections#open}) so that equal values are
 * equal text.
 */
final class PgChecksums {

    private static final String ROW_SUM = "coalesce(sum(('x' || substr(md5(%s), 1, 16))::bit(64)::bigint::numeric), 0)";

    private PgChecksums() {
    }

    /** Subject ("table public.users") → fingerprint ("1200 rows, sum 123…"), for the given tables and sequences. */
    static Map<String, String> of(Connection connection, List<PgTable> tables, List<PgTable> sequences)
            throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (PgTable table : tables) {
                sums.put("table " + table.display(), tableSum(s, table));
            }
            for (PgTable sequence : sequences) {
                sums.put("sequence " + sequence.display(), sequenceValue(s, sequence));
            }
            sums.put("large objects", largeObjectSum(s));
        }
        return sums;
    }

    private static String tableSum(Statement s, PgTable table) throws SQLException {
        String sql = "SELECT count(*), " + ROW_SUM.formatted("t::text") + " FROM ONLY " + table.quoted() + " AS t";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + " rows, sum " + rs.getBigDecimal(2).toPlainString();
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return "missing";
            }
            throw e;
        }
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
        String sql = "SELECT count(*), " + ROW_SUM.formatted("oid::text || ':' || md5(lo_get(oid))")
                + " FROM pg_largeobject_metadata";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + " objects, sum " + rs.getBigDecimal(2).toPlainString();
        }
    }
}

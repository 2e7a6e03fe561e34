package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a database holds, from its catalog: the source's tables for the plan and the checksums, the target's
 * contents for the emptiness rule. Objects that belong to an extension are the extension's, not the user's.
 */
final class PgCatalog {

    /** Schemas that every database has and that ferry never copies or drops. */
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d"
            + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    private final Connection connection;

    PgCatalog(Connection connection) {
        this.connection = connection;
    }

    int serverMajor() throws SQLException {
        return (int) (single("SELECT current_setting('server_version_num')::int") / 10000);
    }

    /** Ordinary tables (partitions included, partitioned parents excluded: they hold no rows themselves). */
    List<PgTable> tables() throws SQLException {
        return relations("'r'", "pg_total_relation_size(c.oid)", "greatest(c.reltuples, 0)::bigint");
    }

    List<PgTable> sequences() throws SQLException {
        return relations("'S'", "0", "0");
    }

    /**
     * What the data copy needs of each table ({@link #tables}): the columns COPY names, quoted and in order (dropped
     * and generated columns left out: a generated column cannot be written and is computed again on the target),
     * and the heap's pages, to split a large table into ranges.
     */
    record CopyLayout(Map<String, String> columns, Map<String, Long> heapPages) {}

    CopyLayout copyLayout() throws SQLException {
        String notGenerated = serverMajor() >= 12 ? " AND a.attgenerated = ''" : "";
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Long> pages = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname || '.' || c.relname,"
                        + " pg_relation_size(c.oid) / current_setting('block_size')::bigint,"
                        + " (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a"
                        + "  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped" + notGenerated + ")"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'r' AND " + USER_SCHEMA + " AND " + NOT_EXTENSION_MEMBER)) {
            while (rs.next()) {
                pages.put(rs.getString(1), rs.getLong(2));
                columns.put(rs.getString(1), rs.getString(3) == null ? "" : rs.getString(3));
            }
        }
        return new CopyLayout(columns, pages);
    }

    /** Extension name → its schema (plpgsql, in every database, left out). */
    Map<String, String> extensions() throws SQLException {
        Map<String, String> extensions = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                        + " WHERE e.extname <> 'plpgsql' ORDER BY 1")) {
            while (rs.next()) {
                extensions.put(rs.getString(1), rs.getString(2));
            }
        }
        return extensions;
    }

    List<String> availableExtensions() throws SQLException {
        return strings("SELECT name FROM pg_available_extensions");
    }

    /**
     * Of {@code extensions}, those this session's user may not be able to create: it is not a superuser and the
     * extension is neither installed nor marked trusted (PostgreSQL 13+; before that, none is trusted).
     */
    List<String> extensionsNeedingSuperuser(java.util.Collection<String> extensions) throws SQLException {
        if (single("SELECT count(*) FROM pg_roles WHERE rolname = current_user AND rolsuper") > 0) {
            return List.of();
        }
        List<String> trusted = new ArrayList<>(strings("SELECT extname FROM pg_extension"));
        if (serverMajor() >= 13) {
            trusted.addAll(strings("SELECT DISTINCT name FROM pg_available_extension_versions WHERE trusted"));
        }
        return extensions.stream().filter(e -> !trusted.contains(e)).sorted().toList();
    }

    long largeObjects() throws SQLException {
        return single("SELECT count(*) FROM pg_largeobject_metadata");
    }

    long largeObjectBytes() throws SQLException {
        return single("SELECT pg_total_relation_size('pg_largeobject')");
    }

    String searchPath() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }

    String serverEncoding() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW server_encoding")) {
            rs.next();
            return rs.getString(1);
        }
    }

    String databaseName() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Schemas a user made (public included). */
    List<String> userSchemas() throws SQLException {
        return strings("SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA + " ORDER BY 1");
    }

    /**
     * What a person put in this database, one line each, for the "not empty" refusal and the --force listing:
     * relations, functions, types, extensions, schemas other than public, large objects.
     */
    List<String> contents() throws SQLException {
        List<String> found = new ArrayList<>();
        found.addAll(strings("SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table ' WHEN 'v' THEN 'view '"
                + " WHEN 'm' THEN 'materialized view ' WHEN 'S' THEN 'sequence ' ELSE 'foreign table ' END"
                + " || n.nspname || '.' || c.relname"
                + " || CASE WHEN c.relkind = 'r' AND c.reltuples >= 0 THEN ' (~' || greatest(c.reltuples, 0)::bigint || ' rows)' ELSE '' END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " + USER_SCHEMA + " AND " + NOT_EXTENSION_MEMBER
                + " ORDER BY n.nspname, c.relname"));
        found.addAll(strings("SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                + " AND d.objid = p.oid AND d.deptype = 'e') ORDER BY 1"));
        found.addAll(strings("SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('e', 'd') AND " + USER_SCHEMA
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass"
                + " AND d.objid = t.oid AND d.deptype = 'e') ORDER BY 1"));
        extensions().forEach((name, schema) -> found.add("extension " + name + " (in schema " + schema + ")"));
        for (String schema : userSchemas()) {
            if (!schema.equals("public")) {
                found.add("schema " + schema);
            }
        }
        long blobs = largeObjects();
        if (blobs > 0) {
            found.add(blobs + " large object" + (blobs == 1 ? "" : "s"));
        }
        return found;
    }

    private List<PgTable> relations(String kinds, String bytes, String rows) throws SQLException {
        List<PgTable> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname, " + bytes + ", " + rows
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN (" + kinds + ") AND " + USER_SCHEMA + " AND " + NOT_EXTENSION_MEMBER
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new PgTable(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return tables;
    }

    private long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

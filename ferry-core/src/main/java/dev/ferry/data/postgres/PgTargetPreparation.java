package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What happens to the target around the restore: emptied (--force, or a resumed run cleaning up after itself), the
 * heroku_ext schema created first, and the source's search_path carried over.
 *
 * <p>Heroku installs extensions into a schema named heroku_ext and puts it on the database's search_path, so an
 * app writes {@code 'a=>1'::hstore} unqualified. pg_dump carries neither the database's settings nor, when that
 * schema is left out, the schema itself; ferry leaves the schema out of the dump (it holds only extension objects,
 * which the dump's own {@code CREATE EXTENSION … WITH SCHEMA heroku_ext} recreates), creates it on the target first,
 * and sets the target database's search_path to the source's when it names heroku_ext.
 */
final class PgTargetPreparation {

    static final String HEROKU_EXT = "heroku_ext";

    private PgTargetPreparation() {
    }

    /** Drops every user schema (public recreated empty), every extension and every large object. */
    static void empty(Connection target) throws SQLException {
        PgCatalog catalog = new PgCatalog(target);
        try (Statement s = target.createStatement()) {
            for (String schema : catalog.userSchemas()) {
                s.execute("DROP SCHEMA " + PgTable.quote(schema) + " CASCADE");
            }
            s.execute("CREATE SCHEMA IF NOT EXISTS public");
            for (String extension : catalog.extensions().keySet()) {
                s.execute("DROP EXTENSION IF EXISTS " + PgTable.quote(extension) + " CASCADE");
            }
            s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
        }
    }

    /**
     * Whether the dump can leave heroku_ext out: it exists and holds nothing but extension members. If a user put a
     * table in it, it is copied like any schema.
     */
    static boolean herokuExtHoldsOnlyExtensions(Connection source) throws SQLException {
        try (Statement s = source.createStatement(); var rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = '" + HEROKU_EXT + "'),"
                        + " (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + "  WHERE n.nspname = '" + HEROKU_EXT + "' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                        + "  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))")) {
            rs.next();
            return rs.getLong(1) == 1 && rs.getLong(2) == 0;
        }
    }

    static void createHerokuExt(Connection target) throws SQLException {
        try (Statement s = target.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + HEROKU_EXT);
        }
    }

    /** The source's search_path on the target database when it names heroku_ext; returns whether it did. */
    static boolean carrySearchPath(String sourceSearchPath, Connection target, String targetDatabase)
            throws SQLException {
        List<String> parts = List.of(sourceSearchPath.split("\\s*,\\s*"));
        if (parts.stream().noneMatch(p -> p.replace("\"", "").equals(HEROKU_EXT))) {
            return false;
        }
        String quoted = String.join(", ", parts.stream().map(p -> PgTable.quote(p.replace("\"", ""))).toList());
        try (Statement s = target.createStatement()) {
            s.execute("ALTER DATABASE " + PgTable.quote(targetDatabase) + " SET search_path TO " + quoted);
        }
        return true;
    }
}

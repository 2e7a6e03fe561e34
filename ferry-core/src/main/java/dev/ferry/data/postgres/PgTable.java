package dev.ferry.data.postgres;

/**
 * A table or sequence from the catalog.
 *
 * @param bytes size on disk with indexes and TOAST (0 for sequences)
 * @param estimatedRows the planner's estimate (reltuples), 0 when never analysed
 */
record PgTable(String schema, String name, long bytes, long estimatedRows) {

    /** For SQL: "schema"."name", quoted. */
    String quoted() {
        return quote(schema) + "." + quote(name);
    }

    /** For people: schema.name */
    String display() {
        return schema + "." + name;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

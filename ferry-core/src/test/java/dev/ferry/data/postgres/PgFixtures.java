package dev.ferry.data.postgres;

import dev.ferry.data.testing.PgTestServer;
import java.sql.SQLException;

/** A source database with every common column type, large objects, sequences and a Heroku-style heroku_ext schema. */
final class PgFixtures {

    static final int ROWS = 3000;

    private PgFixtures() {
    }

    static void seed(PgTestServer server, String database) throws SQLException {
        server.createDatabase(database);
        server.execute(database,
                // as on Heroku: extensions live in heroku_ext, which is on the database's search_path
                "CREATE SCHEMA heroku_ext",
                "CREATE EXTENSION hstore WITH SCHEMA heroku_ext",
                "CREATE EXTENSION citext WITH SCHEMA heroku_ext",
                "CREATE EXTENSION pg_trgm WITH SCHEMA heroku_ext",
                "CREATE EXTENSION pg_stat_statements WITH SCHEMA heroku_ext",
                "CREATE EXTENSION \"uuid-ossp\" WITH SCHEMA heroku_ext",
                "ALTER DATABASE " + database + " SET search_path TO \"$user\", public, heroku_ext",
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE TABLE everything (id bigserial PRIMARY KEY, small int, big bigint, amount numeric(20, 6),"
                        + " body text, blob bytea, doc json, docb jsonb, ints int[], tags text[], at timestamptz,"
                        + " uid uuid, flag boolean, feeling mood, attrs heroku_ext.hstore, email heroku_ext.citext,"
                        + " ratio double precision, day date, span interval)",
                "INSERT INTO everything (small, big, amount, body, blob, doc, docb, ints, tags, at, uid, flag, feeling,"
                        + " attrs, email, ratio, day, span)"
                        + " SELECT g, g * 1000000007::bigint, g / 7.0, CASE WHEN g % 10 = 0 THEN NULL ELSE"
                        + " 'row ' || g || ' “quoted” ünïcödé \\ tab\t' END, decode(md5(g::text), 'hex'),"
                        + " json_build_object('g', g, 'nested', json_build_array(1, 'two', null)),"
                        + " jsonb_build_object('g', g, 'k', repeat('x', g % 50)), ARRAY[g, g + 1, NULL],"
                        + " ARRAY['a', 'b,c', 'd\"e'], '2024-01-01 00:00:00+00'::timestamptz + g * interval '37 min',"
                        + " heroku_ext.uuid_generate_v5(heroku_ext.uuid_ns_url(), g::text), g % 2 = 0,"
                        + " (ARRAY['sad', 'ok', 'happy'])[1 + g % 3]::mood, heroku_ext.hstore('k', g::text),"
                        + " 'User' || g || '@Example.COM', g / 3.0, DATE '2020-02-29' + g, g * interval '1 second'"
                        + " FROM generate_series(1, " + ROWS + ") g",
                "CREATE INDEX everything_email_trgm ON everything USING gin (email heroku_ext.gin_trgm_ops)",
                // COPY cannot write a generated column: it is left out and computed again on the target
                "ALTER TABLE everything ADD COLUMN doubled bigint GENERATED ALWAYS AS (big * 2) STORED",
                "CREATE TABLE no_key (a text, b int)",
                "INSERT INTO no_key SELECT 'same', 1 FROM generate_series(1, 5)",
                "CREATE SCHEMA billing",
                "CREATE TABLE billing.invoices (id serial PRIMARY KEY, everything_id bigint REFERENCES everything(id),"
                        + " doc oid)",
                "INSERT INTO billing.invoices (everything_id, doc)"
                        + " SELECT g, lo_from_bytea(0, convert_to(repeat('invoice ' || g, 2000), 'UTF8'))"
                        + " FROM generate_series(1, 3) g",
                "CREATE SEQUENCE standalone START 100",
                "SELECT nextval('standalone'), nextval('standalone'), nextval('standalone')",
                "CREATE VIEW happy AS SELECT id, email FROM everything WHERE feeling = 'happy'",
                "CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql AS 'SELECT upper($1)'",
                "ANALYZE");
    }
}

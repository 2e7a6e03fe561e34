package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.testing.PgTestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The source's fingerprints hashed from the COPY stream ({@link CopyLineHash}) against the target server's own
 * ({@link PgChecksums#tableSum}) on a real server: equal for every common column type and awkward value, and a
 * stream that missed rows differs from the table it should have carried.
 */
class CopyLineHashIT {

    private static PgTestServer server;
    private static final String DB = "hashes";

    @BeforeAll
    static void start() throws Exception {
        server = PgTestServer.start("hashes");
        server.createDatabase(DB);
        server.execute(DB,
                "CREATE TYPE pair AS (label text, n int)",
                "CREATE TABLE kinds (id serial, i int, b bigint, n numeric, t text, v varchar(20000), c char(3),"
                        + " raw bytea, arr text[], ints int[], grid int[][], j json, jb jsonb, f8 float8, f4 real,"
                        + " ts timestamptz, tsl timestamp, d date, iv interval, u uuid, ok boolean, p pair,"
                        + " ip inet, bits bit varying, twice bigint GENERATED ALWAYS AS (i * 2) STORED)",
                "INSERT INTO kinds (i, b, n, t, v, c, raw, arr, ints, grid, j, jb, f8, f4, ts, tsl, d, iv, u, ok, p, ip, bits)"
                        + " VALUES (1, 9223372036854775807, 'NaN', E'tab\\there, back\\\\slash, nl\\nand cr\\r',"
                        + " repeat('long ', 4000), 'ab', '\\x00ff10', ARRAY['a', NULL, 'b,c', 'd\"e', '', ' '],"
                        + " ARRAY[1, NULL], '{{1,2},{3,4}}', '{\"a\": [1, 2,  3], \"b\" : null}',"
                        + " '{\"k\": \"v\\\"q\", \"n\": 1.50}', 'NaN', 'Infinity', 'infinity', '-infinity', 'infinity',"
                        + " '1 year 2 mons -3 days 04:05:06.789', '00000000-0000-0000-0000-000000000001', true,"
                        + " ROW('x, (y)', 2), '10.0.0.1/8', B'1011')",
                "INSERT INTO kinds (i, b, n, t, f8, f4, raw, arr, jb, p) VALUES (-2, -9223372036854775808,"
                        + " -123456789012345678901234567890.000100, '', '-0', '-Infinity', '', '{}', '[]', ROW(NULL, NULL)),"
                        + " (0, 0, 0.1, ' ', 1e-310, 1.17549435e-38, '\\x5c', ARRAY['\\', '\"'], '\"\\u00e9\"', ROW('', 0)),"
                        + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, 3, 3, E'ünïcödé “quotes” \\u00a0nbsp \\u0085nel emoji \\U0001F600 (x)', 0.1, 0.1,"
                        + " NULL, NULL, NULL, NULL),"
                        + " (4, 4, 1e30, E'ctl \\x01 \\x0b \\x0c \\x7f \\\\N', 1.7976931348623157e308, 3.4e38, NULL, NULL,"
                        + " NULL, NULL), (5, 5, 5, '\\N', 5e-324, 1e-45, NULL, NULL, NULL, NULL),"
                        + " (6, 6, 6, 'NULL', 0.30000000000000004, 0.3, NULL, NULL, NULL, NULL)",
                "INSERT INTO kinds (i, t, raw) SELECT g, md5(g::text) || E'\\t' || g, decode(md5(g::text), 'hex')"
                        + " FROM generate_series(1, 2000) g",
                "CREATE TABLE nothing ()",
                "INSERT INTO nothing DEFAULT VALUES",
                "INSERT INTO nothing DEFAULT VALUES",
                "CREATE TABLE one_text (s text)",
                "INSERT INTO one_text VALUES (''), (NULL), (''), ('x'), (E'\\\\')",
                "ALTER TABLE kinds DROP COLUMN c",
                "CREATE TABLE empty (a int)");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void streamSum_everyCommonTypeAndEdgeValue_equalsTheServersSum() throws Exception {
        try (Connection c = open()) {
            PgCatalog catalog = new PgCatalog(c);
            Map<String, String> columns = catalog.copyLayout().columns();
            assertThat(columns.get("public.kinds")).doesNotContain("twice").doesNotContain("\"c\"");
            for (String table : List.of("kinds", "nothing", "one_text", "empty")) {
                PgTable t = new PgTable("public", table, 0, 0);
                String server;
                try (Statement s = c.createStatement()) {
                    server = PgChecksums.tableSum(s, RowHash.HASHTEXT_EXTENDED, columns, t);
                }
                CopySlice whole = new CopySlice(t, columns.get("public." + table), 0, -1, 1);
                assertThat(streamed(c, whole, 0)).as(table + " as the driver delivers it").isEqualTo(server);
                assertThat(streamed(c, whole, 7)).as(table + " in split chunks").isEqualTo(server);
            }
        }
    }

    @Test
    void streamSum_sliceThatMissedPages_differsFromTheTablesSum() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            Map<String, String> columns = new PgCatalog(c).copyLayout().columns();
            PgTable kinds = new PgTable("public", "kinds", 0, 0);
            String target = PgChecksums.tableSum(s, RowHash.HASHTEXT_EXTENDED, columns, kinds);
            // a stream that left out page 0
            CopySlice missing = new CopySlice(kinds, columns.get("public.kinds"), 1, -1, 2);
            RowSum partial = sum(c, missing, 0);
            assertThat(partial.rows()).isPositive();

            assertThat(PgChecksums.fingerprint(partial.rows(), partial.sum())).isNotEqualTo(target);
            partial.add(sum(c, new CopySlice(kinds, columns.get("public.kinds"), 0, 1, 2), 0));
            assertThat(PgChecksums.fingerprint(partial.rows(), partial.sum())).as("both slices together")
                    .isEqualTo(target);
        }
    }

    @Test
    void applies_onlyWithHashtextextendedBothAt12AndUtf8Target() {
        assertThat(CopyLineHash.applies(RowHash.HASHTEXT_EXTENDED, 12, 15, "UTF8")).isTrue();
        assertThat(CopyLineHash.applies(RowHash.HASHTEXT_EXTENDED, 11, 15, "UTF8")).isFalse();
        assertThat(CopyLineHash.applies(RowHash.HASHTEXT_EXTENDED, 15, 15, "LATIN1")).isFalse();
        assertThat(CopyLineHash.applies(RowHash.MD5, 15, 15, "UTF8")).isFalse();
    }

    private static String streamed(Connection c, CopySlice slice, int splitAt) throws Exception {
        RowSum sum = sum(c, slice, splitAt);
        return PgChecksums.fingerprint(sum.rows(), sum.sum());
    }

    /** The slice's COPY lines through the hasher, whole or cut into pieces of at most {@code splitAt} bytes. */
    private static RowSum sum(Connection c, CopySlice slice, int splitAt) throws Exception {
        RowSum sum = new RowSum();
        CopyLineHash hash = new CopyLineHash(slice.columns().isEmpty(), sum);
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(slice.copyOut());
        Random random = new Random(42);
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            if (splitAt == 0) {
                hash.feed(row, 0, row.length);
                continue;
            }
            for (int at = 0; at < row.length; ) {
                int piece = Math.min(row.length - at, 1 + random.nextInt(splitAt));
                hash.feed(row, at, piece);
                at += piece;
            }
        }
        assertThat(hash.hasPartialLine()).isFalse();
        return sum;
    }

    private static Connection open() {
        return PgConnections.open(new DataEndpoint(ConnectionUrl.parse(server.url(DB), "test"), false), "source");
    }

}

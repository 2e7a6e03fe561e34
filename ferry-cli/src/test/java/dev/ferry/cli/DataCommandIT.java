package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.data.testing.PgTestServer;
import dev.ferry.data.testing.RedisTestServer;
import dev.ferry.heroku.testing.FakeHerokuApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ferry data migrate` end to end against real PostgreSQL and Redis servers on loopback. */
class DataCommandIT {

    private static PgTestServer postgres;
    private static RedisTestServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = PgTestServer.start("cli");
        redis = RedisTestServer.start(false);
        postgres.createDatabase("app");
        postgres.execute("app", "CREATE TABLE items (id serial PRIMARY KEY, name text, price numeric)",
                "INSERT INTO items (name, price) SELECT 'item ' || g, g * 1.25 FROM generate_series(1, 500) g",
                "ANALYZE");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void migrate_postgresWithYesAndJson_copiesVerifiesAndPrintsTheSummary() throws Exception {
        String target = newDatabase();
        CliRunner.Run run = cli().run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url",
                postgres.url(target), "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("postgres");
        assertThat(json.get("verified").asBoolean()).isTrue();
        assertThat(json.get("copied").asInt()).isEqualTo(1);
        assertThat(json.get("source").asText()).isEqualTo("postgres://ferry:***@127.0.0.1:" + postgres.port() + "/app");
        assertThat(run.err()).contains(" * Plan: copy postgres://ferry:***@127.0.0.1:")
                .contains(" * 1 table, ").contains(" * copied public.items: ").contains(" * copied 1 table (")
                .doesNotContain("1 tables").contains(" * Verified: ");
        assertThat(run.all()).doesNotContain(PgTestServer.PASSWORD).doesNotContain("s3cr3t");
        try (Connection c = postgres.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(price) FROM items")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("156562.50");
        }
        assertThat(Files.list(dir.resolve(".ferry/data")).toList()).singleElement().asString().contains("postgres-");
    }

    @Test
    void migrate_withoutYesOffTerminal_exit2AndTargetUntouched() throws Exception {
        String target = newDatabase();
        CliRunner.Run run = cli().run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url",
                postgres.url(target));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(" * 1 table, ").contains("needs a confirmation").contains("--yes");
        assertTablesIn(target, 0);
    }

    @Test
    void migrate_declinedAtTheTerminal_exit130AndTargetUntouched() throws Exception {
        String target = newDatabase();
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("no"));
        CliRunner.Run run = cli().atTerminal(() -> prompter).run("data", "migrate", "--from-url", "env:SOURCE_URL",
                "--to-url", postgres.url(target));

        assertThat(run.exitCode()).isEqualTo(130);
        assertThat(prompter.questions()).containsExactly("Copy into 127.0.0.1:" + postgres.port() + "/" + target + "?");
        assertTablesIn(target, 0);
    }

    @Test
    void migrate_nonEmptyTargetWithoutForce_exit2ListingIt() throws Exception {
        String target = newDatabase();
        postgres.execute(target, "CREATE TABLE precious (x int)");
        CliRunner.Run run = cli().run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url",
                postgres.url(target), "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty: table public.precious").contains("--force");

        CliRunner.Run forced = cli().run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url",
                postgres.url(target), "--yes", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("These will be dropped from the target first:")
                .contains("     - table public.precious");
    }

    @Test
    void migrate_targetUrlWithoutPassword_takesPgpasswordAndNeverShowsIt() throws Exception {
        // the aws data mover's task: RDS's password arrives in PGPASSWORD, apart from the URL
        String target = newDatabase();
        String noPassword = "postgres://" + PgTestServer.USER + "@127.0.0.1:" + postgres.port() + "/" + target;
        CliRunner.Run run = cli().env(Map.of("TARGET_URL", noPassword, "PGPASSWORD", PgTestServer.PASSWORD))
                .run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url", "env:TARGET_URL", "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(" to postgres://ferry:***@127.0.0.1:" + postgres.port() + "/" + target)
                .contains(" * Verified: ");
        assertNoPassword(run);
        assertTablesIn(target, 1);
    }

    @Test
    void migrate_targetUrlWithoutPasswordNorPgpassword_failsOnThePasswordNamingThePlace() throws Exception {
        String target = newDatabase();
        String noPassword = "postgres://" + PgTestServer.USER + "@127.0.0.1:" + postgres.port() + "/" + target;
        CliRunner.Run run = cli().env(Map.of("TARGET_URL", noPassword))
                .run("data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url", "env:TARGET_URL", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("could not connect to the target database 127.0.0.1:" + postgres.port());
        assertNoPassword(run);
        assertTablesIn(target, 0);
    }

    @Test
    void migrate_redis_copiesAndVerifies() throws Exception {
        redisSeed();
        CliRunner.Run run = cli().env(Map.of("REDIS_SRC", redis.url(1))).run("data", "migrate", "--from-url",
                "env:REDIS_SRC", "--to-url", redis.url(2), "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("redis");
        assertThat(json.get("copied").asInt()).isEqualTo(3);
        assertThat(json.get("verified").asBoolean()).isTrue();
        assertThat(run.all()).doesNotContain(RedisTestServer.PASSWORD);
    }

    @Test
    void migrate_fromHerokuApp_readsDatabaseUrlLiveCopiesAndStoresNoPassword() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = herokuServing(postgres.url("app") + "?sslmode=disable")) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "vast-badlands-production", "--to-url", postgres.url(target), "--yes", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" * Source: DATABASE_URL of \"vast-badlands-production\" (postgres://ferry:***@127.0.0.1:");
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(json.get("copied").asInt()).isEqualTo(1);
            assertThat(heroku.requests()).extracting(FakeHerokuApi.RecordedRequest::path)
                    .containsExactly("/apps/vast-badlands-production/config-vars");
            assertThat(heroku.violations()).isEmpty();
            assertNoPassword(run);
        }
        assertTablesIn(target, 1);
    }

    @Test
    void migrate_fromHerokuAppWithoutSslmode_requiresTlsTowardHeroku() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = herokuServing(postgres.url("app"))) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "vast-badlands-production", "--to-url", postgres.url(target), "--yes");

            // the loopback test server has no TLS: sslmode=require (the Heroku rule) must refuse to talk to it
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("could not connect to the source database").contains("does not support SSL");
            assertNoPassword(run);
        }
        assertTablesIn(target, 0);
    }

    @Test
    void migrate_fromHerokuAppToRedisTarget_readsRedisUrlByDefault() throws Exception {
        redisSeed();
        try (FakeHerokuApi heroku = herokuServing(Map.of("REDIS_URL", redis.url(1)))) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "vast-badlands-production", "--to-url", redis.url(3), "--yes", "--force", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" * Source: REDIS_URL of \"vast-badlands-production\"");
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("redis");
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(run.all()).doesNotContain(RedisTestServer.PASSWORD);
        }
    }

    /** A fake Heroku API whose app vast-badlands-production has DATABASE_URL = {@code databaseUrl} and nothing else. */
    private FakeHerokuApi herokuServing(String databaseUrl) throws Exception {
        return herokuServing(Map.of("DATABASE_URL", databaseUrl));
    }

    /** The same with the given config vars. */
    private FakeHerokuApi herokuServing(Map<String, String> configVars) throws Exception {
        Path root = dir.resolve("heroku-api");
        Path app = Files.createDirectories(root.resolve("vast-badlands-production"));
        try (var in = DataCommandIT.class.getResourceAsStream("/heroku-api/vast-badlands-production/app.json")) {
            Files.write(app.resolve("app.json"), in.readAllBytes());
        }
        Files.writeString(app.resolve("config-vars.json"), new ObjectMapper().writeValueAsString(configVars));
        return FakeHerokuApi.start(root).withApp("vast-badlands-production");
    }

    /** Neither the output nor any file ferry wrote holds the source's password. */
    private void assertNoPassword(CliRunner.Run run) throws Exception {
        String encoded = java.net.URLEncoder.encode(PgTestServer.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.all()).doesNotContain(PgTestServer.PASSWORD).doesNotContain(encoded).doesNotContain("s3cr3t");
        Path state = dir.resolve(".ferry");
        if (Files.exists(state)) {
            try (var files = Files.walk(state)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).doesNotContain("s3cr3t").doesNotContain(encoded);
                }
            }
        }
    }

    private static void redisSeed() throws Exception {
        redis.send(List.of("SELECT", "1"), List.of("SET", "a", "1"), List.of("RPUSH", "b", "x", "y"),
                List.of("HSET", "c", "f", "v"), List.of("PEXPIRE", "a", "600000"));
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(Map.of("SOURCE_URL", postgres.url("app")));
    }

    private static String newDatabase() throws Exception {
        return postgres.newDatabase("cli");
    }

    private static void assertTablesIn(String database, int expected) throws Exception {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(expected);
        }
    }
}

package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.data.heroku.HerokuAppState;
import dev.ferry.data.heroku.MaintenanceWindow;
import dev.ferry.data.heroku.WindowRecord;
import dev.ferry.data.testing.PgTestServer;
import dev.ferry.data.testing.RedisTestServer;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.TokenSource;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.provider.local.LocalConfigStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ferry data migrate` with the Heroku side (a fresh backup, the maintenance window, --rollback) and a target from
 * the local deployment (--to local), against a real PostgreSQL 15 on loopback and the fake Heroku API (Platform API
 * writes checked against the schema; data API backups shaped as the heroku CLI reads them).
 */
class DataHerokuIT {

    private static final String APP = "harbor-shop-production";
    private static final Path PG_BIN = Path.of(System.getProperty("ferry.pg.bin", "/usr/lib/postgresql/15/bin"));

    private static PgTestServer postgres;
    private static byte[] dump;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = PgTestServer.start("heroku");
        postgres.createDatabase("app");
        postgres.execute("app", "CREATE TABLE items (id serial PRIMARY KEY, name text, price numeric)",
                "INSERT INTO items (name, price) SELECT 'item ' || g, g * 1.25 FROM generate_series(1, 500) g",
                "CREATE TABLE orders (id bigserial PRIMARY KEY, item int REFERENCES items, at timestamptz)",
                "INSERT INTO orders (item, at) SELECT 1 + g % 500, '2025-01-01'::timestamptz + g * interval '1 h'"
                        + " FROM generate_series(1, 1200) g",
                "ANALYZE");
        dump = pgDump("app");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void backup_restoresTheDumpStreamedFromItsPublicUrl_verifiedAgainstTheBackup() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 2, false)) {
            CliRunner.Run run = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--backup",
                    "--to-url", postgres.url(target), "--yes", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" * Plan: restore a new Heroku backup of DATABASE (" + APP + ") into"
                            + " postgres://ferry:***@127.0.0.1:")
                    .contains(" * Heroku: backup b005 finished").contains(" * restored public.orders")
                    .contains(" * public.orders: 1200 rows").contains(" * warning: verified against backup b005")
                    .contains("add --maintenance").contains(" * copied 2 tables (")
                    // checked against the backup's table list only: the last line must not claim more
                    .contains(" * Verified: 2 checks, every table of backup b005 is in the target (not compared with"
                            + " the live database).").doesNotContain("source and target are equal");
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("source").asText()).isEqualTo("Heroku backup b005 of DATABASE (" + APP + ")");
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(json.get("copied").asInt()).isEqualTo(2);
            assertThat(json.get("bytes").asLong()).isEqualTo(dump.length);
            assertThat(heroku.backupDownloads()).hasSize(1);
            assertThat(heroku.writes()).isEmpty();
            assertNoSecret(run, heroku);
        }
        assertThat(sum(target, "SELECT sum(price) FROM items")).isEqualTo("156562.50");
        assertThat(sum(target, "SELECT count(*) FROM orders")).isEqualTo("1200");
    }

    @Test
    void backupWithJobs_downloadedToAPrivateFile_restoredInParallel_andTheFileDeleted() throws Exception {
        String target = newDatabase();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 2, false)) {
            CliRunner.Run run = cli(heroku).env(Map.of("TMPDIR", tmp.toString())).run("data", "migrate", "--from",
                    "heroku", "--app", APP, "--backup", "--jobs", "2", "--to-url", postgres.url(target), "--yes",
                    "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" * Heroku captures the backup (its progress is shown); it is downloaded"
                            + " to a private temporary file in tmp, restored with 2 pg_restore jobs, then deleted")
                    .contains(" * downloaded backup b005 (").contains(" * restoring backup b005 (")
                    .contains(" with 2 pg_restore jobs").contains(" * restored public.orders")
                    .contains(" * public.items: 500 rows").contains(" * public.orders: 1200 rows")
                    .contains(" * warning: verified against backup b005");
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(json.get("copied").asInt()).isEqualTo(2);
            assertThat(json.get("bytes").asLong()).isEqualTo(dump.length);
            assertThat(heroku.backupDownloads()).hasSize(1);
            assertNoSecret(run, heroku);
        }
        assertThat(tmp).isEmptyDirectory();
        assertThat(sum(target, "SELECT sum(price) FROM items")).isEqualTo("156562.50");
        assertThat(sum(target, "SELECT count(*) FROM orders")).isEqualTo("1200");
    }

    @Test
    void backupWithJobsInMaintenanceWindow_verifiedAgainstTheLiveDatabase() throws Exception {
        String target = newDatabase();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 1, false)) {
            CliRunner.Run run = cli(heroku).env(Map.of("TMPDIR", tmp.toString())).run("data", "migrate", "--from",
                    "heroku", "--app", APP, "--backup", "--jobs", "3", "--maintenance", "--to-url",
                    postgres.url(target), "--yes");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" with 3 pg_restore jobs").contains("verifying against the live database")
                    .contains(" * Verified: ").doesNotContain("warning: verified against backup");
            assertThat(heroku.maintenance(APP)).isFalse();
            assertNoSecret(run, heroku);
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void backupWithJobs_restoreFails_exit1AndTheTemporaryFileDeleted() throws Exception {
        String target = newDatabase();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        byte[] truncated = java.util.Arrays.copyOf(dump, dump.length * 2 / 3);
        try (FakeHerokuApi heroku = heroku().withBackup(truncated, 1, false)) {
            CliRunner.Run run = cli(heroku).env(Map.of("TMPDIR", tmp.toString())).run("data", "migrate", "--from",
                    "heroku", "--app", APP, "--backup", "--jobs", "2", "--to-url", postgres.url(target), "--yes");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(" * downloaded backup b005 (").contains("ferry: pg_restore failed")
                    .contains("; fix the cause above and run again (a new backup is captured)")
                    .doesNotContain("--resume");
            assertThat(heroku.backupDownloads()).hasSize(1);
            assertNoSecret(run, heroku);
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void backupWithJobs_backupLargerThanTheFreeSpace_exit3NamingTheFolderAndTmpdir_nothingDownloaded()
            throws Exception {
        String target = newDatabase();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 1, false).withBackupSize(1L << 50)) {
            CliRunner.Run run = cli(heroku).env(Map.of("TMPDIR", tmp.toString())).run("data", "migrate", "--from",
                    "heroku", "--app", APP, "--backup", "--jobs", "2", "--to-url", postgres.url(target), "--yes");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err().lines().filter(line -> line.startsWith("ferry: "))).singleElement().asString()
                    .matches("ferry: the Heroku backup b005 \\(1024\\.0 TB\\) does not fit in the temporary folder"
                            + " tmp \\([0-9.]+ [kMGT]?B free\\); run again with TMPDIR=<a folder with 1024\\.0 TB"
                            + " free>, or without --jobs to stream the backup with no temporary file");
            assertThat(heroku.backupDownloads()).isEmpty();
        }
        assertThat(tmp).isEmptyDirectory();
        assertTablesIn(target, 0);
    }

    @Test
    void backupInMaintenanceWindow_verifiedAgainstTheLiveDatabase_andTheAppPutBack() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 1, false)) {
            CliRunner.Run run = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--backup",
                    "--maintenance", "--to-url", postgres.url(target), "--yes");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(" * Heroku: maintenance mode on for " + APP + " and clock ×1,"
                    + " mailer_queue ×1 scaled to 0 during the copy")
                    .contains("verifying against the live database").contains(" * Verified: ")
                    .contains("source and target are equal").doesNotContain("warning: verified against backup");
            // the window opened before the capture and closed after the verification
            assertThat(heroku.writes()).containsExactly("maintenance " + APP + " true", "scale " + APP + " clock=0",
                    "scale " + APP + " mailer_queue=0", "scale " + APP + " clock=1",
                    "scale " + APP + " mailer_queue=1", "maintenance " + APP + " false");
            List<String> order = heroku.requests().stream().map(r -> r.method() + " " + r.path()).toList();
            assertThat(order.indexOf("PATCH /apps/" + APP + "/formation"))
                    .isLessThan(order.indexOf("POST /client/v11/databases/d037e340-a8e7-59b1-a51d-b31ef1d013f2/backups"));
            WindowRecord record = WindowRecord.read(WindowRecord.file(dir.resolve(".ferry/data"), APP)).orElseThrow();
            assertThat(record.phase()).isEqualTo(WindowRecord.Phase.CLOSED);
            assertThat(record.targetWasEmpty()).isTrue();
            assertNoSecret(run, heroku);
        }
    }

    @Test
    void backupFails_exit1AndTheAppIsPutBackAnyway() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku().withBackup(dump, 1, true)) {
            CliRunner.Run run = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--backup",
                    "--maintenance", "--to-url", postgres.url(target), "--yes");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("the Heroku backup b005 failed");
            assertThat(heroku.maintenance(APP)).isFalse();
            assertThat(heroku.formation(APP)).containsEntry("clock", 1).containsEntry("mailer_queue", 1);
        }
        assertTablesIn(target, 0);
    }

    @Test
    void maintenanceWithoutYesOffTerminal_exit2BeforeAnyChangeToTheApp() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku()) {
            CliRunner.Run run = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--maintenance",
                    "--to-url", postgres.url(target));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("and changes the Heroku app " + APP + " and needs a confirmation");
            assertThat(heroku.writes()).isEmpty();
        }
    }

    @Test
    void maintenanceDeclinedAtTheTerminal_exit130AndTheAppUntouched() throws Exception {
        String target = newDatabase();
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("no"));
        try (FakeHerokuApi heroku = heroku()) {
            CliRunner.Run run = cli(heroku).atTerminal(() -> prompter).run("data", "migrate", "--from", "heroku",
                    "--app", APP, "--maintenance", "--to-url", postgres.url(target));

            assertThat(run.exitCode()).isEqualTo(130);
            assertThat(prompter.questions()).containsExactly("Put " + APP + " in maintenance, copy into 127.0.0.1:"
                    + postgres.port() + "/" + target + "?");
            assertThat(heroku.writes()).isEmpty();
            assertThat(WindowRecord.file(dir.resolve(".ferry/data"), APP)).doesNotExist();
        }
        assertTablesIn(target, 0);
    }

    @Test
    void rollback_afterAnInterruptedWindow_putsTheAppBackAndEmptiesTheTarget() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku()) {
            CliRunner.Run copied = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                    "--maintenance", "--to-url", postgres.url(target), "--yes");
            assertThat(copied.exitCode()).as(copied.err()).isZero();
            assertTablesIn(target, 2);
            interruptInsideTheWindow(heroku);

            CliRunner.Run again = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                    "--maintenance", "--to-url", postgres.url(target), "--yes", "--force");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("an earlier run left the Heroku app " + APP + " in the maintenance window")
                    .contains("--rollback");

            CliRunner.Run rolledBack = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                    "--rollback", "--to-url", postgres.url(target), "--yes");

            assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
            assertThat(rolledBack.err()).contains(" * Rollback of " + APP + ": maintenance mode off, clock ×1,"
                    + " mailer_queue ×1; empty 127.0.0.1:").contains(" * Rolled back: ");
            assertThat(heroku.maintenance(APP)).isFalse();
            assertThat(heroku.formation(APP)).containsEntry("clock", 1).containsEntry("mailer_queue", 1)
                    .containsEntry("web", 2);
            assertTablesIn(target, 0);

            CliRunner.Run twice = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--rollback",
                    "--to-url", postgres.url(target), "--yes");
            assertThat(twice.exitCode()).isEqualTo(2);
            assertThat(twice.err()).contains("nothing to undo");
            assertNoSecret(rolledBack, heroku);
        }
    }

    @Test
    void rollback_redisTarget_flushesOnlyTheTargetDatabase() throws Exception {
        try (RedisTestServer redis = RedisTestServer.start(false)) {
            redis.send(List.of("SELECT", "1"), List.of("SET", "a", "1"), List.of("RPUSH", "b", "x", "y"),
                    List.of("SELECT", "3"), List.of("SET", "other", "kept"));
            try (FakeHerokuApi heroku = heroku(Map.of("REDIS_URL", redis.url(1)))) {
                CliRunner.Run copied = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                        "--attachment", "REDIS", "--maintenance", "--to-url", redis.url(2), "--yes");
                assertThat(copied.exitCode()).as(copied.err()).isZero();
                assertThat(redis.send(List.of("SELECT", "2"), List.of("DBSIZE"))).endsWith(":2\r\n");
                interruptInsideTheWindow(heroku);

                CliRunner.Run rolledBack = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                        "--rollback", "--to-url", redis.url(2), "--yes");

                assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
                assertThat(heroku.maintenance(APP)).isFalse();
                assertThat(rolledBack.all()).doesNotContain(RedisTestServer.PASSWORD);
            }
            assertThat(redis.send(List.of("SELECT", "2"), List.of("DBSIZE"))).endsWith(":0\r\n");
            assertThat(redis.send(List.of("SELECT", "1"), List.of("DBSIZE"))).endsWith(":2\r\n");
            assertThat(redis.send(List.of("SELECT", "3"), List.of("DBSIZE"))).endsWith(":1\r\n");
        }
    }

    @Test
    void resume_afterAnInterruptedWindow_putsBackTheStateRecordedBeforeTheFirstRun() throws Exception {
        String target = newDatabase();
        try (FakeHerokuApi heroku = heroku()) {
            assertThat(cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP, "--maintenance",
                    "--to-url", postgres.url(target), "--yes").exitCode()).isZero();
            interruptInsideTheWindow(heroku);

            CliRunner.Run resumed = cli(heroku).run("data", "migrate", "--from", "heroku", "--app", APP,
                    "--maintenance", "--resume", "--to-url", postgres.url(target), "--yes");

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            // the app showed maintenance on and no workers when resumed; the record's state is what came back
            assertThat(heroku.maintenance(APP)).isFalse();
            assertThat(heroku.formation(APP)).containsEntry("clock", 1).containsEntry("mailer_queue", 1);
        }
    }

    @Test
    void toLocal_resolvesThePublishedPortAndStorePassword_andCopies() throws Exception {
        String target = newDatabase();
        writeCompose(target, "    ports:\n      - \"127.0.0.1:" + postgres.port() + ":5432\"\n");
        LocalConfigStore.forProject(dir, Map.of("HOME", dir.resolve("home").toString()))
                .set("POSTGRES_PASSWORD", PgTestServer.PASSWORD);

        CliRunner.Run run = new CliRunner(dir).env(Map.of("SOURCE_URL", postgres.url("app"))).run("data", "migrate",
                "--from-url", "env:SOURCE_URL", "--to", "local", "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(" * Target: postgres://ferry:***@127.0.0.1:" + postgres.port() + "/" + target
                + ", the local deployment's published port 127.0.0.1:" + postgres.port() + " of service postgres"
                + " (compose.yaml:3), password from the local config store");
        assertThat(new ObjectMapper().readTree(run.out()).get("verified").asBoolean()).isTrue();
        assertThat(run.all()).doesNotContain(PgTestServer.PASSWORD).doesNotContain("s3cr3t");
        assertTablesIn(target, 2);
    }

    @Test
    void toLocal_noPublishedPort_exit2WithTheLineToAdd() throws Exception {
        String target = newDatabase();
        writeCompose(target, "");

        CliRunner.Run run = new CliRunner(dir).env(Map.of("SOURCE_URL", postgres.url("app"))).run("data", "migrate",
                "--from-url", "env:SOURCE_URL", "--to", "local", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("ferry: compose.yaml:3: service postgres publishes no port for 5432,"
                + " so its database cannot be reached from this machine; add `ports: [\"127.0.0.1:5432:5432\"]`"
                + " under `postgres:` (line 3), run `ferry compose up`, then migrate again");
        assertTablesIn(target, 0);
    }

    @Test
    void toLocal_projectNotRunning_exit3WithTheCommandThatStartsIt() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        writeCompose(newDatabase(), "    ports: [\"127.0.0.1:" + closed + ":5432\"]\n");
        LocalConfigStore.forProject(dir, Map.of("HOME", dir.resolve("home").toString()))
                .set("POSTGRES_PASSWORD", PgTestServer.PASSWORD);

        CliRunner.Run run = new CliRunner(dir).env(Map.of("SOURCE_URL", postgres.url("app"))).run("data", "migrate",
                "--from-url", "env:SOURCE_URL", "--to", "local", "--yes");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("ferry: nothing answers on 127.0.0.1:" + closed + ", where the local"
                + " deployment publishes service postgres; start the project with `ferry compose up`, then migrate"
                + " again");
    }

    /** What a killed run leaves: the app inside the window and the record OPEN. */
    private void interruptInsideTheWindow(FakeHerokuApi heroku) {
        Path file = WindowRecord.file(dir.resolve(".ferry/data"), APP);
        WindowRecord closed = WindowRecord.read(file).orElseThrow();
        new WindowRecord(closed.formatVersion(), closed.app(), closed.before(), closed.kind(), closed.target(),
                closed.targetWasEmpty(), WindowRecord.Phase.OPEN, closed.startedAt(), closed.updatedAt()).write(file);
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(heroku.environment()),
                HerokuCredential.of(heroku.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                event -> { });
        new MaintenanceWindow(client, event -> { }).open(APP, closed.before());
        assertThat(heroku.maintenance(APP)).isTrue();
        assertThat(closed.before()).isEqualTo(new HerokuAppState(false, Map.of("clock", 1, "mailer_queue", 1)));
    }

    /** The compose file ferry init writes, its Postgres pointed at the test server's database {@code database}. */
    private void writeCompose(String database, String ports) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  postgres:
                    image: "postgres:17"
                    environment:
                      POSTGRES_USER: ferry
                      POSTGRES_DB: %s
                      POSTGRES_PASSWORD:
                %s    x-defang-postgres: true
                  web:
                    build:
                      context: "."
                    environment:
                      DATABASE_URL: "postgres://ferry:${POSTGRES_PASSWORD}@postgres:5432/%s"
                      POSTGRES_PASSWORD:
                """.formatted(database, ports, database));
    }

    /** The fake serving harbor-shop-production (web ×2, worker ×0, clock ×1, mailer_queue ×1) with a live DATABASE_URL. */
    private FakeHerokuApi heroku() throws Exception {
        return heroku(Map.of("DATABASE_URL", postgres.url("app") + "?sslmode=disable"));
    }

    private FakeHerokuApi heroku(Map<String, String> configVars) throws Exception {
        Path root = dir.resolve("heroku-api");
        Path app = Files.createDirectories(root.resolve(APP));
        for (String fixture : List.of("app.json", "formation.json", "addon-attachments.json", "fake.properties")) {
            try (var in = DataHerokuIT.class.getResourceAsStream("/heroku-api/" + APP + "/" + fixture)) {
                Files.write(app.resolve(fixture), in.readAllBytes());
            }
        }
        Files.writeString(app.resolve("config-vars.json"), new ObjectMapper().writeValueAsString(configVars));
        return FakeHerokuApi.start(root).withApp(APP);
    }

    private CliRunner cli(FakeHerokuApi heroku) {
        Map<String, String> env = new HashMap<>(heroku.environment());
        env.put("FERRY_BACKUP_POLL_MS", "20");
        return new CliRunner(dir).env(env);
    }

    /** Neither output nor any file ferry wrote holds a password, the token, or the backup's signed URL. */
    private void assertNoSecret(CliRunner.Run run, FakeHerokuApi heroku) throws Exception {
        String encoded = java.net.URLEncoder.encode(PgTestServer.PASSWORD, StandardCharsets.UTF_8);
        assertThat(run.all()).doesNotContain(PgTestServer.PASSWORD).doesNotContain(encoded).doesNotContain("s3cr3t")
                .doesNotContain(heroku.token()).doesNotContain("X-Amz-Signature")
                .doesNotContain(FakeHerokuApi.transferPassword());
        if (!Files.exists(dir.resolve(".ferry"))) {
            return;
        }
        try (var files = Files.walk(dir.resolve(".ferry"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain("s3cr3t").doesNotContain(encoded)
                        .doesNotContain(heroku.token());
            }
        }
    }

    /** A custom-format, compressed dump, as Heroku's backups are. */
    private static byte[] pgDump(String database) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PG_BIN.resolve("pg_dump").toString(), "--format=custom",
                "--no-owner", "-h", "127.0.0.1", "-p", Integer.toString(postgres.port()), "-U", PgTestServer.USER,
                database);
        builder.environment().put("PGPASSWORD", PgTestServer.PASSWORD);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
        return bytes;
    }

    private static String newDatabase() throws Exception {
        return postgres.newDatabase("hk");
    }

    private static String sum(String database, String sql) throws Exception {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertTablesIn(String database, int expected) throws Exception {
        assertThat(sum(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .isEqualTo(Integer.toString(expected));
    }
}

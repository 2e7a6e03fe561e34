package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.data.testing.PgTestServer;
import dev.ferry.heroku.testing.FakeHerokuApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `--to aws` with a source this machine reaches (a real Postgres on loopback): the plan shows the source's tables
 * and size before the task runs in the fake account. The URL's password reaches only the SSM PutParameter.
 */
class DataAwsIT extends DataAwsTest { // the fixture (fake account, deployed stack); its tests run here again

    private static PgTestServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PgTestServer.start("cli-aws");
        postgres.createDatabase("src");
        postgres.execute("src", "CREATE TABLE orders (id serial PRIMARY KEY, total numeric)",
                "CREATE TABLE users (id serial PRIMARY KEY, name text)",
                "INSERT INTO orders (total) SELECT g FROM generate_series(1, 100) g", "ANALYZE");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migrateToAws_reachableSource_planShowsItsTablesThenTheTaskRuns() {
        CliRunner.Run run = migrateFrom(postgres.url("src"), "--yes");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains(" * Source holds 2 tables, ").contains("one-off ECS Fargate task")
                .contains("Copied and verified");
        assertThat(run.all()).doesNotContain(PgTestServer.PASSWORD).doesNotContain("s3cr3t");
        String put = aws().requests("AmazonSSM.PutParameter").get(0).body();
        assertThat(put).contains("127.0.0.1:" + postgres.port() + "/src");
        assertThat(aws().requests().stream().filter(r -> !r.operation().equals("AmazonSSM.PutParameter"))
                .map(r -> r.body()).toList()).noneMatch(b -> b.contains("s3cr3t"));
        assertThat(List.copyOf(aws().unexpected())).isEmpty();
    }

    @Test
    void migrateToAws_fromHerokuWithMaintenance_windowOpensAroundTheRemoteRunAndCloses() throws Exception {
        String app = "harbor-shop-production";
        try (FakeHerokuApi heroku = heroku(app)) {
            Map<String, String> env = new HashMap<>(heroku.environment());
            CliRunner.Run run = migrateWith(env, "--from", "heroku", "--app", app, "--maintenance", "--to", "aws",
                    "--yes");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).contains(" * Heroku: maintenance mode on for " + app)
                    .containsSubsequence("maintenance", "starting a one-off task", "exited 0", "Copied and verified");
            assertThat(heroku.writes()).first().isEqualTo("maintenance " + app + " true");
            assertThat(heroku.writes()).last().isEqualTo("maintenance " + app + " false");
            assertThat(aws().requests("AmazonEC2ContainerServiceV20141113.RunTask")).hasSize(1);
            assertThat(run.all()).doesNotContain("s3cr3t").doesNotContain(heroku.token());
        }
    }

    private FakeHerokuApi heroku(String app) throws Exception {
        Path root = dir.resolve("heroku-api");
        Path folder = Files.createDirectories(root.resolve(app));
        for (String fixture : List.of("app.json", "formation.json", "addon-attachments.json", "fake.properties")) {
            try (var in = DataAwsIT.class.getResourceAsStream("/heroku-api/" + app + "/" + fixture)) {
                Files.write(folder.resolve(fixture), in.readAllBytes());
            }
        }
        Files.writeString(folder.resolve("config-vars.json"), new ObjectMapper().writeValueAsString(
                Map.of("DATABASE_URL", postgres.url("src") + "?sslmode=disable")));
        return FakeHerokuApi.start(root).withApp(app);
    }
}

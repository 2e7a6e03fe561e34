package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.data.testing.PgTestServer;
import java.util.List;
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
}

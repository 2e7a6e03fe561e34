package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.heroku.testing.FakeHerokuApi;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's input checks, before any database is reached. */
class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void migrate_mixedKinds_exit2NamingBothOptions() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "postgres://u:pw1@h/db",
                "--to-url", "redis://:pw2@h:6379", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from-url and --to-url must be the same kind").doesNotContain("pw1", "pw2");
    }

    @Test
    void migrate_envUrlNotSet_exit2NamingTheVariable() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "env:HEROKU_DATABASE_URL",
                "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the environment variable HEROKU_DATABASE_URL is not set");
    }

    @Test
    void migrate_notAUrl_exit2WithoutEchoingIt() {
        CliRunner.Run run = new CliRunner(dir).env(Map.of("SRC", "mysql://root:hunter2@db/x"))
                .run("data", "migrate", "--from-url", "env:SRC", "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from-url: expected a postgres://").doesNotContain("hunter2");
    }

    @Test
    void migrate_zeroJobs_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "postgres://h/a",
                "--to-url", "postgres://h/b", "--jobs", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jobs must be 1 or more");
    }

    @Test
    void migrate_fromHerokuWithoutApp_exit2OneLine() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from", "heroku", "--to-url",
                "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from heroku needs --app NAME");
        assertThat(run.err().lines().filter(line -> line.startsWith("ferry:")).count()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void migrate_fromHerokuAndFromUrl_exit2OneLine() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from", "heroku", "--app", "my-app",
                "--from-url", "postgres://u:pw1@h/db", "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from and --from-url both name a source").doesNotContain("pw1");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void migrate_noSource_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no source: give --from-url URL or --from heroku --app NAME");
    }

    @Test
    void migrate_attachmentWithFromUrl_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "postgres://h/a",
                "--attachment", "REDIS", "--to-url", "postgres://h/b", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--attachment applies to --from heroku only");
    }

    @Test
    void migrate_fromHerokuUnknownAttachment_exit2ListingNamesWithoutSecrets() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "vast-badlands-production", "--attachment", "FOLLOWER", "--to-url",
                    "postgres://localhost/db", "--yes");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("ferry: --attachment: the Heroku app vast-badlands-production has no"
                    + " attachment FOLLOWER (no config var FOLLOWER_URL; its database URLs: DATABASE_URL); give"
                    + " --attachment with one of them (e.g. --attachment DATABASE)\n");
            for (String secret : SecretFixtures.values()) {
                assertThat(run.all()).doesNotContain(secret);
            }
            assertThat(run.all()).doesNotContain(heroku.token());
            assertThat(heroku.violations()).isEmpty();
        }
    }

    @Test
    void migrate_fromHerokuRedisTargetByDefault_looksForRedisUrl() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "vast-badlands-production", "--to-url", "redis://localhost:6379", "--yes");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("has no attachment REDIS (no config var REDIS_URL");
            for (String secret : SecretFixtures.values()) {
                assertThat(run.all()).doesNotContain(secret);
            }
        }
    }

    @Test
    void migrate_fromHerokuAttachmentOfOtherKind_exit2WithoutItsPassword() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("harbor-shop-production")) {
            CliRunner.Run run = new CliRunner(dir).env(heroku.environment()).run("data", "migrate", "--from", "heroku",
                    "--app", "harbor-shop-production", "--attachment", "REDIS", "--to-url", "postgres://localhost/db",
                    "--yes");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("Source: REDIS_URL of \"harbor-shop-production\" (redis://default:***@")
                    .contains("cannot be copied into the --to-url of another kind");
            assertThat(run.all()).doesNotContain("p91d4e7a2c5f8b3d6e9a1c4f7b2d5e8a3c6f9b1d4e7a2c5f8b3d6e9a1c4f7b2");
        }
    }
}

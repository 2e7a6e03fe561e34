package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The option combinations of `ferry data migrate` for the Heroku side and the deployed target: each wrong one is one
 * line with its fix and exit 2, decided before any request or connection (no Heroku API or database here).
 */
class DataOptionsTest {

    @TempDir
    Path dir;

    @Test
    void backupWithoutFromHeroku_exit2() {
        assertRefused(run("--from-url", "postgres://a/b", "--to-url", "postgres://c/d", "--backup"),
                "ferry: --backup applies to --from heroku only; drop it, or replace --from-url with --from heroku"
                        + " --app NAME");
    }

    @Test
    void maintenanceWithoutFromHeroku_exit2() {
        assertRefused(run("--from-url", "postgres://a/b", "--to-url", "postgres://c/d", "--maintenance"),
                "ferry: --maintenance applies to --from heroku only; drop it, or replace --from-url with --from"
                        + " heroku --app NAME");
    }

    @Test
    void toAndToUrl_exit2() {
        assertRefused(run("--from-url", "postgres://a/b", "--to-url", "postgres://c/d", "--to", "local"),
                "ferry: --to and --to-url both name a target; give one; --to local for the local deployment's"
                        + " database, or --to-url URL");
    }

    @Test
    void noTarget_exit2NamingBothForms() {
        assertRefused(run("--from-url", "postgres://a/b"), "ferry: no target: give --to-url URL or --to local; e.g."
                + " --to local (the Postgres service of ./compose.yaml, as `ferry compose up` runs it)");
    }

    @Test
    void backupWithResume_exit2() {
        assertRefused(run("--from", "heroku", "--app", "a", "--backup", "--resume", "--to-url", "postgres://c/d"),
                "ferry: --backup restores a new backup each run: --resume does not apply; drop --resume (run again:"
                        + " a new backup is captured)");
    }

    @Test
    void rollbackWithResume_exit2() {
        assertRefused(run("--from", "heroku", "--app", "a", "--rollback", "--resume"),
                "ferry: --rollback undoes a run; it takes no --resume; run ferry data migrate --from heroku --app"
                        + " NAME --rollback");
    }

    @Test
    void toServiceWithoutTo_exit2() {
        assertRefused(run("--from-url", "postgres://a/b", "--to-url", "postgres://c/d", "--to-service", "db"),
                "ferry: --to-service applies to --to only; e.g. --to local --to-service db");
    }

    @Test
    void toAwsWithResume_exit2BeforeAnything() {
        assertRefused(run("--from-url", "postgres://a/b", "--to", "aws", "--yes", "--resume"),
                "ferry: --resume with --to aws: the copy runs in the deployment's network and its state goes with the"
                        + " task; run again without --resume (add --force to replace what an interrupted run copied)");
    }

    @Test
    void toAwsWithBackup_exit2() {
        assertRefused(run("--from", "heroku", "--app", "shop", "--backup", "--to", "aws", "--yes"),
                "ferry: --backup with --to aws is not supported; drop --backup to copy the live database (add"
                        + " --maintenance to hold writes during the copy)");
    }

    @Test
    void stackWithoutTo_exit2() {
        assertRefused(run("--from-url", "postgres://a/b", "--to-url", "postgres://c/d", "--stack", "beta"),
                "ferry: --stack applies to --to only; e.g. --to aws --stack production");
    }

    @Test
    void toLocalWithoutComposeFile_exit2() {
        CliRunner.Run run = run("--from-url", "postgres://a/b", "--to", "local", "--yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ferry: compose.yaml: no such compose file");
    }

    @Test
    void rollbackWithNothingRecorded_exit2BeforeAnyRequest() {
        // HEROKU_API_URL points nowhere: a request would fail with exit 3, not 2
        CliRunner.Run run = new CliRunner(dir).env(Map.of("HEROKU_API_URL", "http://127.0.0.1:9",
                "HEROKU_API_KEY", "unused")).run("data", "migrate", "--from", "heroku", "--app", "shop", "--rollback");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ferry: --rollback: no --maintenance run of shop is recorded");
    }

    @Test
    void malformedAttachment_exit2BeforeAnyRequest() {
        // HEROKU_API_URL points nowhere: a request would fail with exit 3, not 2
        CliRunner.Run run = new CliRunner(dir).env(Map.of("HEROKU_API_URL", "http://127.0.0.1:9",
                "HEROKU_API_KEY", "unused")).run("data", "migrate", "--from", "heroku", "--app", "shop", "--backup",
                "--attachment", "DATA BASE", "--to-url", "postgres://c/d", "--yes");
        assertRefused(run, "ferry: --attachment: not an attachment name (letters, digits and _); e.g. --attachment"
                + " DATABASE or --attachment HEROKU_POSTGRESQL_ONYX");
    }

    @Test
    void help_namesTheNewOptions() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--backup").contains("--maintenance").contains("--rollback")
                .contains("--to=PROVIDER").contains("--to-service=SERVICE").contains("--compose-file=FILE");
    }

    @Test
    void help_resume_namesTheFolderOnOneLine() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--help");
        // the wrap once cut the folder's name after its leading dot (".\n ferry/data")
        assertThat(run.out()).contains(" .ferry/data").doesNotContainPattern("\\.\\s*\\n\\s*ferry/data");
    }

    private CliRunner.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "data";
        all[1] = "migrate";
        System.arraycopy(args, 0, all, 2, args.length);
        return new CliRunner(dir).run(all);
    }

    private static void assertRefused(CliRunner.Run run, String line) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(line);
        assertThat(run.out()).isEmpty();
    }
}

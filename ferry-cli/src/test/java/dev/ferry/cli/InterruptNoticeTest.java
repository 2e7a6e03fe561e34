package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InterruptNoticeTest {

    @Test
    void message_postgresInMaintenance_namesResumeAndRollback() {
        assertThat(InterruptNotice.message("postgres", false, "my-app")).isEqualTo(
                "the copy is recorded in .ferry/data: run the same command with --resume to finish it, or with"
                        + " --force to start over. The Heroku app my-app is still in maintenance mode with its"
                        + " non-web dynos at 0: --resume puts it back once the copy is done; --rollback puts it back"
                        + " now (ferry data migrate --from heroku --app my-app --rollback)");
    }

    @Test
    void message_redisOrBackup_notResumable_saysForce() {
        assertThat(InterruptNotice.message("redis", false, null))
                .isEqualTo("the target holds part of the keys: run the same command again with --force to copy them all");
        assertThat(InterruptNotice.message("postgres", true, "my-app"))
                .startsWith("the target holds part of the backup: run the same command again with --force")
                .contains("--rollback puts it back now").doesNotContain("--resume");
    }

    @Test
    void hook_whenTheJvmStops_printsTheMessageOnALineOfItsOwn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InterruptNotice notice = InterruptNotice.during(new PrintStream(err, true, StandardCharsets.UTF_8), "do this");
        try {
            notice.hook().run();
        } finally {
            notice.close();
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\nferry: interrupted; do this\n");
    }

    @Test
    void close_afterTheMove_removesTheHook_soANormalEndPrintsNothing() {
        InterruptNotice notice = InterruptNotice.during(System.err, "x");

        notice.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(notice.hook())).as("still registered").isFalse();
    }
}

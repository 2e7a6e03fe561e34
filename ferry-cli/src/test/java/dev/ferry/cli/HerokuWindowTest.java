package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.data.heroku.WindowRecord;
import dev.ferry.heroku.testing.Fault;
import dev.ferry.heroku.testing.FakeHerokuApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window around a copy, against the fake Platform API: closed whatever the copy did, and loud when it cannot be. */
class HerokuWindowTest {

    private static final String APP = "harbor-shop-production";

    @TempDir
    Path dir;

    @Test
    void around_copyFails_appPutBackAndTheCopysErrorKept() {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp(APP)) {
            HerokuWindow window = opened(fake);

            FerryException e = catchThrowableOfType(FerryException.class, () -> window.around(() -> {
                throw FerryException.failed("pg_restore failed (exit 1)", "fix it", null);
            }));

            assertThat(e.getMessage()).isEqualTo("pg_restore failed (exit 1)");
            assertThat(fake.maintenance(APP)).isFalse();
            assertThat(fake.formation(APP)).containsEntry("clock", 1).containsEntry("mailer_queue", 1);
            assertThat(record().phase()).isEqualTo(WindowRecord.Phase.CLOSED);
        }
    }

    @Test
    void around_copyFailsAndPuttingBackFailsToo_oneErrorSayingBothAndRollback() {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp(APP)) {
            HerokuWindow window = opened(fake);
            fake.fail(Fault.forbidden().onPath("/formation$"));

            FerryException e = catchThrowableOfType(FerryException.class, () -> window.around(() -> {
                throw FerryException.failed("pg_restore failed (exit 1)", "fix it", null);
            }));

            assertThat(e.getMessage()).startsWith("pg_restore failed (exit 1); and the Heroku app " + APP
                    + " could not be put back: Your Heroku account has no access");
            assertThat(e.hint()).isEqualTo("it is still in maintenance with its workers at 0: run ferry data migrate"
                    + " --from heroku --app " + APP + " --rollback");
            assertThat(fake.maintenance(APP)).isTrue();
            assertThat(record().phase()).isEqualTo(WindowRecord.Phase.OPEN);
            assertThat(e.getMessage() + e.hint()).doesNotContain(fake.token());
        }
    }

    @Test
    void around_copySucceeds_resultReturnedAndRecordClosed() {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp(APP)) {
            HerokuWindow window = opened(fake);

            assertThat(window.around(() -> "copied")).isEqualTo("copied");
            assertThat(fake.writes()).last().isEqualTo("maintenance " + APP + " false");
            assertThat(record().phase()).isEqualTo(WindowRecord.Phase.CLOSED);
        }
    }

    private HerokuWindow opened(FakeHerokuApi fake) {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.put("HOME", dir.resolve("home").toString());
        CliContext context = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, dir, false, () -> {
                    throw new AssertionError("no prompt");
                });
        PrompterHolder prompts = new PrompterHolder(context, false);
        ConsoleEvents events = new ConsoleEvents(context, false);
        HerokuWindow window = new HerokuWindow(() -> HerokuSession.open(context, prompts, events), events, APP,
                dir.resolve(".ferry/data"));
        try (HerokuSession session = HerokuSession.open(context, prompts, events)) {
            window.open(session, false, "postgres", "127.0.0.1:5432/app", true);
        }
        assertThat(fake.maintenance(APP)).isTrue();
        return window;
    }

    private WindowRecord record() {
        return WindowRecord.read(WindowRecord.file(dir.resolve(".ferry/data"), APP)).orElseThrow();
    }
}

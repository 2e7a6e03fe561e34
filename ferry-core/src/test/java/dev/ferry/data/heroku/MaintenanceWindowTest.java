package dev.ferry.data.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.TokenSource;
import dev.ferry.heroku.testing.FakeHerokuApi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window against the fake Platform API, which checks every PATCH body and answer against the schema. */
class MaintenanceWindowTest {

    private static final String APP = "harbor-shop-production";

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private FakeHerokuApi fake;
    private MaintenanceWindow window;

    @TempDir
    Path dir;

    @BeforeEach
    void startFake() {
        fake = FakeHerokuApi.start().withApp(APP);
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                events::add);
        window = new MaintenanceWindow(client, events::add);
    }

    @AfterEach
    void stopFake() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    @Test
    void observe_harborShop_maintenanceOffAndNonWebTypesWithDynos() {
        HerokuAppState state = window.observe(APP);

        // web ×2 is never scaled; worker ×0 has nothing to scale
        assertThat(state).isEqualTo(new HerokuAppState(false, Map.of("clock", 1, "mailer_queue", 1)));
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void open_thenClose_maintenanceAndFormationPutBackExactly() {
        HerokuAppState before = window.observe(APP);

        window.open(APP, before);
        assertThat(fake.maintenance(APP)).isTrue();
        assertThat(fake.formation(APP)).containsExactly(Map.entry("web", 2), Map.entry("worker", 0),
                Map.entry("clock", 0), Map.entry("mailer_queue", 0));

        window.close(APP, before);
        assertThat(fake.maintenance(APP)).isFalse();
        assertThat(fake.formation(APP)).containsExactly(Map.entry("web", 2), Map.entry("worker", 0),
                Map.entry("clock", 1), Map.entry("mailer_queue", 1));
        assertThat(fake.writes()).containsExactly("maintenance " + APP + " true", "scale " + APP + " clock=0",
                "scale " + APP + " mailer_queue=0", "scale " + APP + " clock=1", "scale " + APP + " mailer_queue=1",
                "maintenance " + APP + " false");
        // one PATCH for the app and one batch for the formation each way
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("PATCH")).extracting(r -> r.path())
                .containsExactly("/apps/" + APP, "/apps/" + APP + "/formation", "/apps/" + APP + "/formation",
                        "/apps/" + APP);
    }

    @Test
    void close_appWasAlreadyInMaintenance_leavesMaintenanceOn() {
        HerokuAppState before = new HerokuAppState(true, Map.of("clock", 1));

        window.open(APP, before);
        window.close(APP, before);

        assertThat(fake.maintenance(APP)).isTrue();
        assertThat(fake.formation(APP)).containsEntry("clock", 1);
        assertThat(events).extracting(String::valueOf).anyMatch(e -> e.contains("stays on"));
    }

    @Test
    void observeAfterOpen_seesTheWindow_soTheRecordMustBeTakenFirst() {
        HerokuAppState before = window.observe(APP);
        window.open(APP, before);

        // what a resumed run would see now: the record, not the app, holds what to put back
        assertThat(window.observe(APP)).isEqualTo(new HerokuAppState(true, Map.of()));
    }

    @Test
    void windowRecord_writeRead_roundTripsWithoutSecrets() throws Exception {
        Path file = WindowRecord.file(dir, APP);
        WindowRecord record = WindowRecord.opened(APP, new HerokuAppState(false, Map.of("clock", 1)), "postgres",
                "127.0.0.1:5432/app", true);
        record.write(file);

        assertThat(WindowRecord.read(file)).contains(record);
        assertThat(WindowRecord.read(file).orElseThrow().at(WindowRecord.Phase.CLOSED).phase())
                .isEqualTo(WindowRecord.Phase.CLOSED);
        assertThat(file.getFileName().toString()).isEqualTo("heroku-harbor-shop-production.json");
        assertThat(java.nio.file.Files.readString(file)).doesNotContain(fake.token());
    }
}

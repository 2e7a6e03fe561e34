package dev.ferry.data.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.TokenSource;
import dev.ferry.heroku.testing.FakeHerokuApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backups through the fake data API (shapes from the heroku CLI's pg:backups code, see FakeBackups). */
class HerokuBackupsTest {

    private static final byte[] DUMP = "PGDMP stand-in for a custom-format dump".getBytes(StandardCharsets.UTF_8);

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private FakeHerokuApi fake;
    private HerokuBackups backups;

    @BeforeEach
    void startFake() {
        fake = FakeHerokuApi.start().withApp("vast-badlands-production").withApp("harbor-shop-production");
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                events::add);
        backups = new HerokuBackups(client, events::add, Duration.ofMillis(10));
    }

    @AfterEach
    void stopFake() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    @Test
    void capture_runningThenFinished_returnsTheBackupWithItsPublicUrlAndReportsProgress() throws Exception {
        fake.withBackup(DUMP, 3, false);

        HerokuBackup backup = backups.capture("vast-badlands-production", AttachmentName.parse("DATABASE_URL"));

        assertThat(backup.name()).isEqualTo("b005");
        assertThat(backup.database()).isEqualTo("DATABASE");
        assertThat(backup.dumpBytes()).isEqualTo(DUMP.length);
        assertThat(backup.publicUrl().toString()).startsWith(fake.url() + "/backup-storage/");
        assertThat(events).filteredOn(e -> e instanceof FerryEvent.Progress).hasSize(2);
        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /apps/vast-badlands-production/addon-attachments",
                "POST /client/v11/databases/2b30c1cc-ff5a-5292-bdb3-bbd89a3b43b2/backups",
                "GET /client/v11/apps/vast-badlands-production/transfers/5",
                "GET /client/v11/apps/vast-badlands-production/transfers/5",
                "GET /client/v11/apps/vast-badlands-production/transfers/5",
                "POST /client/v11/apps/vast-badlands-production/transfers/5/actions/public-url");
        // the signed URL and the transfer's from_url are secrets: neither reaches an event or toString
        String shown = events + backup.toString();
        assertThat(shown).doesNotContain("X-Amz-Signature").doesNotContain(FakeHerokuApi.transferPassword());

        BackupDownload.Stream download = BackupDownload.open(backup);
        try (var body = download.body()) {
            assertThat(body.readAllBytes()).isEqualTo(DUMP);
        }
        assertThat(download.length()).isEqualTo(DUMP.length);
        assertThat(fake.backupDownloads()).hasSize(1);
    }

    @Test
    void capture_backupFails_failedNamingItAndTheCommandToSeeWhy() {
        fake.withBackup(DUMP, 1, true);

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> backups.capture("vast-badlands-production", AttachmentName.DATABASE));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("the Heroku backup b005 failed");
        assertThat(e.hint()).contains("heroku pg:backups:info b005 -a vast-badlands-production");
    }

    @Test
    void capture_serverErrorOnThePost_notRetriedSoNoSecondBackupIsTaken() {
        fake.withBackup(DUMP, 1, false).fail(dev.ferry.heroku.testing.Fault.serverError().onPath("/backups$"));

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> backups.capture("vast-badlands-production", AttachmentName.DATABASE));

        assertThat(e.getMessage()).startsWith("The Heroku API failed with HTTP 500 on POST /client/v11/databases/");
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void capture_unknownAttachment_badInputListingTheAppsAttachments() {
        FerryException e = catchThrowableOfType(FerryException.class,
                () -> backups.capture("harbor-shop-production", AttachmentName.parse("follower_url")));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(e.getMessage()).startsWith("--attachment: the Heroku app harbor-shop-production has no attachment"
                + " FOLLOWER (its attachments: ").contains("DATABASE, HEROKU_POSTGRESQL_ONYX");
        assertThat(fake.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void download_expiredUrl_environmentErrorWithoutTheUrl() {
        HerokuBackup forged = new HerokuBackup("vast-badlands-production", "b009", 9, "DATABASE", 0, 0,
                java.net.URI.create(fake.url() + "/backup-storage/vast-badlands-production/nope?X-Amz-Signature=00"));

        FerryException e = catchThrowableOfType(FerryException.class, () -> BackupDownload.open(forged));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("could not download the Heroku backup b009: HTTP 403")
                .doesNotContain("Signature");
    }
}

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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup downloaded to a private temporary file, through the fake data API and its signed storage URL. */
class BackupFileTest {

    private static final String APP = "vast-badlands-production";

    @TempDir
    Path root;

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private final byte[] dump = new byte[3 << 20];
    private FakeHerokuApi fake;
    private HerokuBackups backups;

    @BeforeEach
    void startFake() {
        new Random(7).nextBytes(dump);
        fake = FakeHerokuApi.start().withApp(APP);
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                events::add);
        backups = new HerokuBackups(client, events::add, Duration.ofMillis(10));
        fake.withBackup(dump, 1, false);
    }

    @AfterEach
    void stopFake() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    @Test
    void download_writesTheDumpToAPrivateFileInAPrivateFolder_andCloseDeletesBoth() throws Exception {
        HerokuBackup backup = backups.capture(APP, AttachmentName.DATABASE);

        Path file;
        Path folder;
        try (BackupFile downloaded = BackupFile.download(backup, root, events::add)) {
            file = downloaded.path();
            folder = file.getParent();
            assertThat(Files.readAllBytes(file)).isEqualTo(dump);
            assertThat(downloaded.bytes()).isEqualTo(dump.length);
            assertThat(folder.getParent()).isEqualTo(root);
            assertThat(file.getFileName().toString()).isEqualTo("b005.dump");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        assertThat(file).doesNotExist();
        assertThat(folder).doesNotExist();
        assertThat(fake.backupDownloads()).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof FerryEvent.Progress p && p.task().equals("download"))
                .last().isEqualTo(new FerryEvent.Progress("download", dump.length, dump.length));
        assertThat(events).filteredOn(e -> e instanceof FerryEvent.Step).extracting(Object::toString)
                .anyMatch(step -> step.contains("downloaded backup b005 (3.0 MB in ")
                        && step.contains("to a private temporary file in " + root + ", deleted after the restore"));
        assertThat(events.toString()).doesNotContain("X-Amz-Signature");
    }

    @Test
    void download_lessFreeSpaceThanTheBackup_refusedBeforeAnyByteIsFetched_namingTheFolderAndTmpdir() {
        HerokuBackup backup = backups.capture(APP, AttachmentName.DATABASE);

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> BackupFile.download(backup, root, events::add, folder -> 40L << 20));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("the Heroku backup b005 (3.0 MB) does not fit in the temporary folder "
                + root + " (40.0 MB free)");
        assertThat(e.hint()).isEqualTo("run again with TMPDIR=<a folder with 67.0 MB free>, or without --jobs to"
                + " stream the backup with no temporary file");
        assertThat(fake.backupDownloads()).isEmpty();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void download_storageRefusesTheUrl_failsAndLeavesNothingBehind() {
        HerokuBackup captured = backups.capture(APP, AttachmentName.DATABASE);
        HerokuBackup unsigned = new HerokuBackup(captured.app(), captured.name(), captured.num(), captured.database(),
                captured.sourceBytes(), captured.dumpBytes(), URI.create(fake.url() + "/backup-storage/nothing"));

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> BackupFile.download(unsigned, root, events::add));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("could not download the Heroku backup b005: HTTP 403");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void download_missingTempFolder_namesItAndTmpdir() {
        HerokuBackup backup = backups.capture(APP, AttachmentName.DATABASE);
        Path missing = root.resolve("gone");

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> BackupFile.download(backup, missing, events::add));

        assertThat(e.getMessage()).isEqualTo("the temporary folder " + missing + " does not exist");
        assertThat(e.hint()).startsWith("run again with TMPDIR=");
        assertThat(fake.backupDownloads()).isEmpty();
    }

    @Test
    void tempRoot_tmpdirSet_thatFolder_elseTheJvms() {
        assertThat(BackupFile.tempRoot(Map.of("TMPDIR", "/var/tmp/x"))).isEqualTo(Path.of("/var/tmp/x"));
        assertThat(BackupFile.tempRoot(Map.of("TMPDIR", " "))).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(BackupFile.tempRoot(Map.of())).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void ctrlCMidDownload_theShutdownHookDeletesTheFileAndFolder() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                BackupFileStopped.class.getName(), root.toString()).inheritIO().start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!partlyDownloaded() && System.nanoTime() < deadline) {
                assertThat(child.isAlive()).as("the child exited early (its output is above)").isTrue();
                Thread.sleep(50);
            }
            assertThat(partlyDownloaded()).as("a partial download appeared").isTrue();

            // Ctrl-C: SIGINT to the JVM, which runs its shutdown hooks and exits
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(root).isEmptyDirectory();
    }

    private boolean partlyDownloaded() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> p.toString().endsWith(".dump") && p.toFile().length() > 0);
        }
    }
}

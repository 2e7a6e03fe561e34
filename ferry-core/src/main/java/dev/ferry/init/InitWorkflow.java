package dev.ferry.init;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeMapper;
import dev.ferry.compose.ComposeYamlWriter;
import dev.ferry.compose.MappingResult;
import dev.ferry.compose.MigrationReportWriter;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuSnapshotCollector;
import dev.ferry.io.AtomicFiles;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.SnapshotJson;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.source.SourceFolderReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ferry init}: gather the facts (Heroku API, source folder or a saved snapshot), map them, and write
 * compose.yaml with the migration report beside it. Every path out of here goes through the same
 * {@link #generate} so that the three origins cannot drift apart.
 */
public final class InitWorkflow {

    /** The report's file name, written beside the compose file. */
    public static final String REPORT_FILE = "ferry-migration.md";
    /** Where Heroku snapshots are kept, relative to the compose file's folder: ferry's own state. */
    public static final String SNAPSHOT_DIR = ".ferry/heroku";

    private InitWorkflow() {
    }

    /** The files init would replace, so the caller can ask before anything is collected. */
    public static List<Path> existingOutputs(Path composeFile) {
        List<Path> existing = new ArrayList<>();
        for (Path path : List.of(composeFile, reportFile(composeFile))) {
            if (Files.exists(path)) {
                existing.add(path);
            }
        }
        return existing;
    }

    /**
     * From the Heroku API: collects the app's facts (the collector says "Collecting information about ..."), adds
     * the source folder's when one is given, saves the snapshot
     * under .ferry/heroku/ and writes the compose file.
     *
     * @param sourceDir the app's source folder, or null
     */
    public static InitResult fromHeroku(HerokuSnapshotCollector collector, String appName, Path sourceDir,
                                        Path composeFile, boolean overwrite, EventSink events) {
        refuseExisting(composeFile, overwrite);
        HerokuFacts heroku = collector.collect(appName, events);
        SourceFacts source = sourceDir == null ? null : SourceFolderReader.read(sourceDir);
        AppSnapshot snapshot = AppSnapshot.of(appName, heroku, source);
        Path snapshotFile = composeFolder(composeFile).resolve(SNAPSHOT_DIR).resolve(appName + ".json");
        AtomicFiles.write(snapshotFile, SnapshotJson.write(snapshot), true);
        return generate(snapshot, composeFile, overwrite, snapshotFile, events);
    }

    /** From a local Heroku app folder only (Procfile, app.json, heroku.yml): no Heroku account needed. */
    public static InitResult fromSource(Path sourceDir, Path composeFile, boolean overwrite, EventSink events) {
        refuseExisting(composeFile, overwrite);
        events.emit(new FerryEvent.Step("Reading the app folder " + sourceDir + "..."));
        SourceFacts source = SourceFolderReader.read(sourceDir);
        AppSnapshot snapshot = AppSnapshot.of(SourceFolderReader.appName(sourceDir, source), null, source);
        return generate(snapshot, composeFile, overwrite, null, events);
    }

    /** From a snapshot saved by an earlier run: offline, and the same bytes as that run. */
    public static InitResult fromSnapshot(Path snapshotFile, Path composeFile, boolean overwrite, EventSink events) {
        refuseExisting(composeFile, overwrite);
        events.emit(new FerryEvent.Step("Reading the snapshot " + snapshotFile + "..."));
        AppSnapshot snapshot = SnapshotJson.read(snapshotFile);
        return generate(snapshot, composeFile, overwrite, null, events);
    }

    private static InitResult generate(AppSnapshot snapshot, Path composeFile, boolean overwrite, Path snapshotFile,
                                       EventSink events) {
        events.emit(new FerryEvent.Step("Generating compose file..."));
        MappingResult mapping = ComposeMapper.map(snapshot);
        String yaml = ComposeYamlWriter.write(mapping.project());
        String report = MigrationReportWriter.markdown(mapping.report());
        Path reportFile = reportFile(composeFile);
        AtomicFiles.write(composeFile, yaml, overwrite);
        AtomicFiles.write(reportFile, report, overwrite);
        return new InitResult(snapshot, mapping, composeFile, reportFile, snapshotFile);
    }

    private static void refuseExisting(Path composeFile, boolean overwrite) {
        List<Path> existing = existingOutputs(composeFile);
        if (!overwrite && !existing.isEmpty()) {
            throw FerryException.badInput(existing.get(0) + " already exists",
                    "review it, then run again with --force to replace it, or write elsewhere with --out FILE");
        }
    }

    static Path reportFile(Path composeFile) {
        return composeFolder(composeFile).resolve(REPORT_FILE);
    }

    private static Path composeFolder(Path composeFile) {
        Path parent = composeFile.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}

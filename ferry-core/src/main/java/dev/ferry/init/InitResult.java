package dev.ferry.init;

import dev.ferry.compose.MappingResult;
import dev.ferry.snapshot.AppSnapshot;
import java.nio.file.Path;

/**
 * What {@code ferry init} produced.
 *
 * @param snapshot the facts the compose file was generated from
 * @param mapping the compose project, the report and the findings
 * @param composeFile where compose.yaml was written
 * @param reportFile where ferry-migration.md was written
 * @param snapshotFile where the snapshot was saved for replay, or null (a source folder is its own record)
 */
public record InitResult(AppSnapshot snapshot, MappingResult mapping, Path composeFile, Path reportFile,
                         Path snapshotFile) {}

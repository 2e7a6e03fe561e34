package dev.ferry.cli;

import dev.ferry.data.DataEndpoint;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.Sizes;
import dev.ferry.data.Verification;
import dev.ferry.data.heroku.AttachmentName;
import dev.ferry.data.heroku.BackupDownload;
import dev.ferry.data.heroku.BackupFile;
import dev.ferry.data.heroku.HerokuBackup;
import dev.ferry.data.heroku.HerokuBackups;
import dev.ferry.data.postgres.DumpRestore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `ferry data migrate --from heroku --app NAME --backup`: a fresh Heroku backup restored into the target, streamed
 * from its public URL into pg_restore, or with --jobs N downloaded to a private temporary file for a parallel
 * pg_restore. The verification depends on whether the live database can have changed since
 * the backup: inside a maintenance window (--maintenance, opened before the capture) the target is compared with the
 * live database like a live copy; otherwise with the backup's own table list, and the report says so.
 */
final class DataBackupRestore {

    /** How often the backup's progress is read; the heroku CLI's floor. FERRY_BACKUP_POLL_MS overrides it (tests). */
    private static final String POLL_VARIABLE = "FERRY_BACKUP_POLL_MS";

    private final DataCommand.Migrate options;
    private final CliContext context;
    private final PrompterHolder prompts;
    private final ConsoleEvents events;
    private final DataHeroku heroku;

    DataBackupRestore(DataCommand.Migrate options, CliContext context, PrompterHolder prompts, ConsoleEvents events,
                      DataHeroku heroku) {
        this.options = options;
        this.context = context;
        this.prompts = prompts;
        this.events = events;
        this.heroku = heroku;
    }

    int run(DataEndpoint target) {
        AttachmentName attachment = options.attachment != null ? options.attachmentName() : AttachmentName.DATABASE;
        DataOutput output = new DataOutput(context, options.common, options.json);
        DumpRestore restore = new DumpRestore(context.env());
        List<String> contents = restore.checkTarget(target, options.force);
        String source = "a new Heroku backup of " + attachment + " (" + heroku.app() + ")";
        output.describeSource(source);
        MovePlan plan = new MovePlan(new MoveRequest(null, target, options.jobs, options.force, false,
                options.stateDir()), "postgres", 0, 0, Duration.ZERO, contents, null, List.of());
        output.backupPlan(plan, source, options.jobs > 1
                ? "Heroku captures the backup (its progress is shown); it is downloaded to a private temporary file"
                        + " in " + BackupFile.tempRoot(context.env()) + ", restored with " + options.jobs
                        + " pg_restore jobs, then deleted"
                : "Heroku captures the backup (its progress is shown), then it streams into pg_restore");
        HerokuWindow window = options.maintenance ? heroku.window(options.stateDir()) : null;
        if (window != null) {
            output.windowPlan(window.describe(heroku.session()));
        }
        options.confirm(prompts, target.url().place(), !contents.isEmpty(), window != null);
        if (window != null) {
            window.open(heroku.session(), false, "postgres", target.url().place(), contents.isEmpty());
        }
        MoveResult result;
        try (InterruptNotice notice = InterruptNotice.during(context.err(),
                InterruptNotice.message("postgres", true, window != null ? options.app : null))) {
            result = window != null
                    ? window.around(() -> restore(restore, output, attachment, contents, target, window))
                    : restore(restore, output, attachment, contents, target, null);
        }
        return output.result(plan, result) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private MoveResult restore(DumpRestore restore, DataOutput output, AttachmentName attachment, List<String> contents,
                               DataEndpoint target, HerokuWindow window) {
        HerokuBackup backup = new HerokuBackups(heroku.session().client(), output.events(), poll())
                .capture(heroku.app(), attachment);
        output.describeSource("Heroku backup " + backup.name() + " of " + backup.database() + " ("
                + heroku.app() + ")");
        DumpRestore.Restored restored = options.jobs > 1
                ? restoreInParallel(restore, backup, output, target, !contents.isEmpty())
                : restoreStreamed(restore, backup, output, target, !contents.isEmpty());
        long verifyStarted = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Verification verification;
        if (window != null) {
            events.step("verifying against the live database (unchanged since the backup: the app is in the"
                    + " maintenance window)");
            verification = restore.againstSource(heroku.liveSource(attachment), target);
        } else {
            DumpRestore.DumpCheck check = restore.againstDump(restored.tables(), target);
            check.rows().forEach((table, rows) -> events.step(table + ": " + rows + " rows"));
            verification = check.verification();
            output.verifiedAgainstBackup(backup.name());
            warnings.add("verified against backup " + backup.name() + " (every table it holds is in the target;"
                    + " row counts above), not against the live database, which may have changed since the"
                    + " backup: add --maintenance to stop writes first and compare with the live database");
        }
        return new MoveResult("postgres", restored.tables().size(), restored.bytes(), restored.time(),
                Duration.ofNanos(System.nanoTime() - verifyStarted), verification, warnings,
                window != null ? window.file() : null);
    }

    /** One pg_restore reading the download as it arrives: no temporary file. */
    private DumpRestore.Restored restoreStreamed(DumpRestore restore, HerokuBackup backup, DataOutput output,
                                                 DataEndpoint target, boolean dropFirst) {
        BackupDownload.Stream download = BackupDownload.open(backup);
        events.step("restoring backup " + backup.name() + " (" + Sizes.human(backup.dumpBytes())
                + ", streamed from its download into pg_restore)");
        return restore.restore(download.body(), download.length() > 0 ? download.length() : backup.dumpBytes(),
                target, dropFirst, output.events());
    }

    /**
     * pg_restore -j seeks in its input: the backup goes to a private temporary file first, deleted afterwards
     * whatever happens (BackupFile also deletes it when ferry is stopped).
     */
    private DumpRestore.Restored restoreInParallel(DumpRestore restore, HerokuBackup backup, DataOutput output,
                                                   DataEndpoint target, boolean dropFirst) {
        try (BackupFile file = BackupFile.download(backup, BackupFile.tempRoot(context.env()), output.events())) {
            events.step("restoring backup " + backup.name() + " (" + Sizes.human(file.bytes()) + ") with "
                    + options.jobs + " pg_restore jobs");
            return restore.restoreFile(file.path(), options.jobs, target, dropFirst, output.events());
        }
    }

    private Duration poll() {
        String override = context.env().get(POLL_VARIABLE);
        if (override != null && override.matches("\\d+")) {
            return Duration.ofMillis(Long.parseLong(override));
        }
        return HerokuBackups.DEFAULT_POLL;
    }
}

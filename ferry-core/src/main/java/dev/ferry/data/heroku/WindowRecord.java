package dev.ferry.data.heroku;

import dev.ferry.data.StateFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The record of a migration with a Heroku maintenance window, in {@code .ferry/data/heroku-<app>.json}: what to put
 * back on the app and whether the target was empty before, so that {@code --rollback} can undo an interrupted run
 * and {@code --resume} puts back the state from before the first run, not the one it left behind. It is written
 * before the first change to the app, and names places only: never a password or a token.
 *
 * @param before the app as it was before the window opened
 * @param target the target's place (host:port/db), to check that --rollback is given the same target
 * @param targetWasEmpty whether the target held nothing before the copy: only then does --rollback empty it
 * @param phase OPEN while the app is in the window (or a run stopped there), CLOSED once it is put back
 */
public record WindowRecord(int formatVersion, String app, HerokuAppState before, String kind, String target,
                           boolean targetWasEmpty, Phase phase, String startedAt, String updatedAt) {

    /** Whether the app is still in the window. */
    public enum Phase { OPEN, CLOSED }

    public static WindowRecord opened(String app, HerokuAppState before, String kind, String target,
                                      boolean targetWasEmpty) {
        String now = Instant.now().toString();
        return new WindowRecord(1, app, before, kind, target, targetWasEmpty, Phase.OPEN, now, now);
    }

    public WindowRecord at(Phase next) {
        return new WindowRecord(formatVersion, app, before, kind, target, targetWasEmpty, next, startedAt,
                Instant.now().toString());
    }

    /** The file for this app: one window per app at a time. */
    public static Path file(Path stateDir, String app) {
        return stateDir.resolve("heroku-" + app.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_") + ".json");
    }

    public static Optional<WindowRecord> read(Path file) {
        return StateFiles.read(file, WindowRecord.class);
    }

    public void write(Path file) {
        StateFiles.write(file, this);
    }
}

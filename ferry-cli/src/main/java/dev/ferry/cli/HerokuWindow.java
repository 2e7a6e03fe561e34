package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.data.heroku.HerokuAppState;
import dev.ferry.data.heroku.MaintenanceWindow;
import dev.ferry.data.heroku.WindowRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The maintenance window of one `ferry data migrate --maintenance` run, with its record: the record is written before
 * the first change to the app, the window is closed after the copy whatever happened to it (the old app stays the
 * live one until the user switches), and only a run that was killed leaves it OPEN for --resume or --rollback.
 */
final class HerokuWindow {

    private final Supplier<HerokuSession> sessions;
    private final ConsoleEvents events;
    private final String app;
    private final Path file;
    private WindowRecord record;

    /** @param sessions a fresh Heroku session each call (a heroku CLI token lasts 5 minutes; a copy may not) */
    HerokuWindow(Supplier<HerokuSession> sessions, ConsoleEvents events, String app, Path stateDir) {
        this.sessions = sessions;
        this.events = events;
        this.app = app;
        this.file = WindowRecord.file(stateDir, app);
    }

    /** The record an earlier run left OPEN, if any. */
    Optional<WindowRecord> interrupted() {
        return WindowRecord.read(file).filter(r -> r.phase() == WindowRecord.Phase.OPEN);
    }

    Path file() {
        return file;
    }

    /**
     * Records and opens the window. A resumed run keeps the state recorded before the first run (the app is still in
     * the window, so what it shows now is not what to put back).
     */
    void open(HerokuSession heroku, boolean resume, String kind, String target, boolean targetWasEmpty) {
        Optional<WindowRecord> earlier = interrupted();
        if (earlier.isPresent() && !resume) {
            throw FerryException.badInput("an earlier run left the Heroku app " + app + " in the maintenance window ("
                    + file + ")", "finish it with --resume, or undo it with --rollback");
        }
        MaintenanceWindow window = new MaintenanceWindow(heroku.client(), events);
        if (earlier.isPresent()) {
            record = earlier.get();
        } else {
            HerokuAppState before = window.observe(app);
            record = WindowRecord.opened(app, before, kind, target, targetWasEmpty);
        }
        record.write(file);
        window.open(app, record.before());
    }

    /** The plan's line: what the window will do (from the record of an interrupted run, else from the app now). */
    String describe(HerokuSession heroku) {
        HerokuAppState before = interrupted().map(WindowRecord::before)
                .orElseGet(() -> new MaintenanceWindow(heroku.client(), events).observe(app));
        return describe(app, before);
    }

    /** "Heroku: maintenance mode on for APP and clock ×1, mailer ×1 scaled to 0 during the copy; both put back after" */
    static String describe(String app, HerokuAppState before) {
        String workers = before.workers().isEmpty() ? "" : " and " + MaintenanceWindow.describe(before.workers())
                + " scaled to 0";
        return "Heroku: maintenance mode on for " + app + workers + " during the copy; put back afterwards"
                + (before.maintenance() ? " (maintenance was already on: it stays on)" : "");
    }

    /**
     * Runs {@code work} (the copy) inside the open window and closes it afterwards, also when the work failed. When
     * putting the app back fails too, the error says both, and how to finish (--rollback): the app must not be left
     * in maintenance unnoticed.
     */
    <T> T around(Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failed) {
            try {
                close();
            } catch (RuntimeException notPutBack) {
                throw notPutBack(failed, notPutBack);
            }
            throw failed;
        }
        try {
            close();
        } catch (RuntimeException notPutBack) {
            throw notPutBack(null, notPutBack);
        }
        return result;
    }

    private FerryException notPutBack(RuntimeException failed, RuntimeException cause) {
        return new FerryException(FerryException.Kind.FAILED, (failed != null ? failed.getMessage() + "; and the"
                : "the copy finished but the") + " Heroku app " + app + " could not be put back: " + cause.getMessage(),
                "it is still in maintenance with its workers at 0: run ferry data migrate --from heroku --app " + app
                        + " --rollback", cause);
    }

    /** Puts the app back as recorded; the record becomes CLOSED. */
    void close() {
        if (record == null) {
            return;
        }
        closeRecorded(sessions, events, record, file);
        record = null;
    }

    /** Puts the app of {@code recorded} back, with a session of its own (the run's token may have expired). */
    static void closeRecorded(Supplier<HerokuSession> sessions, ConsoleEvents events, WindowRecord recorded,
                              Path file) {
        try (HerokuSession heroku = sessions.get()) {
            new MaintenanceWindow(heroku.client(), events).close(recorded.app(), recorded.before());
        }
        recorded.at(WindowRecord.Phase.CLOSED).write(file);
    }
}

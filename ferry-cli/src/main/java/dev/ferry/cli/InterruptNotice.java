package dev.ferry.cli;

import java.io.PrintStream;

/**
 * The way out of a data move stopped with Ctrl-C. SIGINT ends the JVM through its shutdown hooks, so without this
 * the user is left with a half-written target (and, with --maintenance, an app still in maintenance mode) and not
 * a word about it. While a move runs, a hook says what state it left and which command finishes or undoes it;
 * {@link #close()} removes the hook once the move has returned, so a normal end prints nothing.
 */
final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    private InterruptNotice(PrintStream err, String message) {
        // on a terminal the progress bar may hold the current line: start a new one
        this.hook = new Thread(() -> {
            err.println();
            err.println("ferry: interrupted; " + message);
            err.flush();
        }, "ferry-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Prints {@code message} if the JVM is stopped (Ctrl-C, SIGTERM) before {@link #close()}. */
    static InterruptNotice during(PrintStream err, String message) {
        return new InterruptNotice(err, message);
    }

    /**
     * What to say for a move.
     *
     * @param kind "postgres" or "redis"
     * @param backup a Heroku backup restore (not resumable: a new backup is captured)
     * @param app the Heroku app left in the maintenance window, or null without --maintenance
     */
    static String message(String kind, boolean backup, String app) {
        String copy = backup
                ? "the target holds part of the backup: run the same command again with --force (a new backup is"
                        + " captured)"
                : kind.equals("redis")
                        ? "the target holds part of the keys: run the same command again with --force to copy them all"
                        : "the copy is recorded in .ferry/data: run the same command with --resume to finish it, or"
                                + " with --force to start over";
        if (app == null) {
            return copy;
        }
        return copy + ". The Heroku app " + app + " is still in maintenance mode with its non-web dynos at 0:"
                + (backup || kind.equals("redis") ? "" : " --resume puts it back once the copy is done;")
                + " --rollback puts it back now (ferry data migrate --from heroku --app " + app + " --rollback)";
    }

    /** The registered hook (tests run it, or check that {@link #close()} removed it). */
    Thread hook() {
        return hook;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs, which is right
        }
    }
}

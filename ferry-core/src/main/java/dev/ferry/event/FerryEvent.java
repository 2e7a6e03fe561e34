package dev.ferry.event;

/**
 * What the core reports while it works. The core never prints: the CLI renders these as lines, spinners or JSON.
 * No event ever carries a secret value.
 */
public sealed interface FerryEvent {

    /** A step of a longer operation began, e.g. "Collecting information about "app"...". */
    record Step(String text) implements FerryEvent {}

    /**
     * Progress of a counted piece of work; {@code total} is -1 when unknown. {@code rows} is the rows moved so far when
     * the work counts bytes of rows (a data copy, for a rows-per-second figure), else -1.
     */
    record Progress(String task, long done, long total, long rows) implements FerryEvent {

        public Progress(String task, long done, long total) {
            this(task, done, total, -1);
        }
    }

    /** A detail useful with --debug or in a log, not shown by default. */
    record Detail(String text) implements FerryEvent {}

    /**
     * A line a running service wrote (its own output, shown with a per-service prefix). The core passes it through
     * as the app wrote it; what an app prints is the app's business.
     */
    record Log(String source, String line) implements FerryEvent {}

    /** A service's state changed, e.g. "building", "starting", "healthy", "exited 0": one line per service on a terminal. */
    record Status(String subject, String state) implements FerryEvent {}
}

package dev.ferry.cli;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.PrintStream;

/**
 * Renders the core's events on stderr as the tutorial shows them (" * step..."). Details only with --debug.
 * Events never carry secrets, so nothing here needs to filter.
 */
final class ConsoleEvents implements EventSink {

    private final CliContext context;
    private final PrintStream err;
    private final boolean debug;

    ConsoleEvents(CliContext context, boolean debug) {
        this.context = context;
        this.err = context.err();
        this.debug = debug;
    }

    @Override
    public synchronized void emit(FerryEvent event) {
        if (event instanceof FerryEvent.Step step) {
            err.println(" * " + context.shorten(step.text()));
        } else if (debug && event instanceof FerryEvent.Detail detail) {
            err.println("   " + detail.text());
        } else if (debug && event instanceof FerryEvent.Progress progress) {
            err.println("   " + progress.task() + ": " + progress.done()
                    + (progress.total() >= 0 ? "/" + progress.total() : ""));
        }
    }

    /** A step line written by the CLI itself, in the same style. */
    void step(String text) {
        emit(new FerryEvent.Step(text));
    }
}

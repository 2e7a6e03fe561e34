package dev.ferry.cli;

import dev.ferry.data.Sizes;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.PrintStream;
import java.util.Locale;

/**
 * On a terminal: progress events redrawn in place as a bar with rate and ETA; every other event goes to the plain
 * renderer, after the bar's line is cleared. Off a terminal this is not used: the per-table lines are the progress.
 */
final class ProgressBar implements EventSink {

    private static final int WIDTH = 30;
    /** The core's progress tasks that count bytes, with "backup bNNN" (the others count items: tables, keys). */
    private static final java.util.Set<String> BYTE_TASKS = java.util.Set.of("copy", "dump", "restore", "download");

    private final PrintStream err;
    private final EventSink lines;
    private long startNanos;
    private boolean drawn;

    ProgressBar(PrintStream err, EventSink lines) {
        this.err = err;
        this.lines = lines;
    }

    @Override
    public synchronized void emit(FerryEvent event) {
        if (event instanceof FerryEvent.Progress progress) {
            draw(progress);
            return;
        }
        clear();
        lines.emit(event);
    }

    private void draw(FerryEvent.Progress progress) {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 0.001);
        boolean bytes = BYTE_TASKS.contains(progress.task()) || progress.task().startsWith("backup ");
        String done = bytes ? Sizes.human(progress.done()) : Long.toString(progress.done());
        String rate = bytes ? Sizes.human((long) (progress.done() / seconds)) + "/s"
                : String.format(Locale.ROOT, "%.0f/s", progress.done() / seconds);
        if (progress.rows() >= 0) {
            rate += String.format(Locale.ROOT, ", %,.0f rows/s", progress.rows() / seconds);
        }
        StringBuilder line = new StringBuilder("\r   ").append(progress.task()).append(' ');
        if (progress.total() > 0) {
            double fraction = Math.min(1.0, (double) progress.done() / progress.total());
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
            double eta = fraction > 0 ? seconds / fraction - seconds : 0;
            line.append(done).append(", ").append(rate).append(String.format(Locale.ROOT, ", ETA %.0f s", eta));
        } else {
            line.append(done).append(", ").append(rate);
        }
        err.print(line.append("\u001b[K"));
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            drawn = false;
        }
    }
}

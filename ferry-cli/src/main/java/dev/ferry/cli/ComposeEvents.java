package dev.ferry.cli;

import dev.ferry.Finding;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders compose events. On a terminal, one status line per service stays at the bottom and is rewritten in place
 * while service logs scroll above it; otherwise every status change is a plain line. Log lines carry their
 * service's name as a prefix. Events never carry a secret value, so nothing here filters.
 */
final class ComposeEvents implements EventSink {

    private final PrintStream out;
    private final boolean terminal;
    private final boolean debug;
    private final Map<String, String> states = new LinkedHashMap<>();
    private int drawn;
    private int width = 8;

    ComposeEvents(PrintStream out, boolean terminal, boolean debug) {
        this.out = out;
        this.terminal = terminal;
        this.debug = debug;
    }

    @Override
    public synchronized void emit(FerryEvent event) {
        if (event instanceof FerryEvent.Status status) {
            width = Math.max(width, status.subject().length());
            states.put(status.subject(), status.state());
            if (terminal) {
                redraw();
            } else {
                out.println(pad(status.subject()) + "  " + status.state());
            }
        } else if (event instanceof FerryEvent.Log log) {
            width = Math.max(width, log.source().length());
            above(pad(log.source()) + " | " + log.line());
        } else if (event instanceof FerryEvent.Step step) {
            above(" * " + step.text());
        } else if (debug && event instanceof FerryEvent.Detail detail) {
            above("   " + detail.text());
        } else if (debug && event instanceof FerryEvent.Progress progress) {
            above("   " + progress.task() + ": " + progress.done() + (progress.total() >= 0 ? "/" + progress.total() : ""));
        }
    }

    /** Findings as warning/note lines, before anything runs. */
    void findings(List<Finding> findings) {
        for (Finding f : findings) {
            above((f.severity() == Finding.Severity.WARNING ? "warning" : "note") + " [" + f.code() + "] " + f.subject()
                    + ": " + f.message());
        }
    }

    /** A line printed above the status block (which is then drawn again below it). */
    private void above(String line) {
        clearBlock();
        out.println(line);
        if (terminal) {
            drawBlock();
        }
    }

    private void redraw() {
        clearBlock();
        drawBlock();
    }

    private void clearBlock() {
        if (terminal && drawn > 0) {
            out.print("\u001b[" + drawn + "A\u001b[J");
            drawn = 0;
        }
    }

    private void drawBlock() {
        states.forEach((subject, state) -> out.println(pad(subject) + "  " + state));
        drawn = states.size();
        out.flush();
    }

    /** Stops rewriting: the last block stays on screen as it is. */
    synchronized void finish() {
        drawn = 0;
        states.clear();
    }

    private String pad(String text) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

package dev.ferry.cli;

import dev.ferry.FerryException;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Turns a {@link FerryException} into the user's two lines ("what failed: cause", then what to do) and the exit
 * code of its kind: 1 failed, 2 bad input, 3 environment not ready. No stack trace.
 */
final class Failures {

    private Failures() {
    }

    static int guard(PrintWriter err, Supplier<Integer> command) {
        try {
            return command.get();
        } catch (FerryException e) {
            err.println("ferry: " + e.getMessage());
            if (e.hint() != null) {
                err.println("  " + e.hint());
            }
            return switch (e.kind()) {
                case FAILED -> 1;
                case BAD_INPUT -> 2;
                case ENVIRONMENT -> 3;
            };
        }
    }
}

package dev.ferry.cli;

import dev.ferry.FerryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns whatever a command threw into one or two lines on stderr and an exit code. Stack traces only with --debug:
 * a user who mistyped a file name should read a sentence, not a trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.hasMatchedOption("--debug") || debugAnywhere(parsed);
        int code;
        if (e instanceof FerryException ferry) {
            // one line: what failed, where, and what to do
            String hint = ferry.hint() == null ? "" : "; " + ferry.hint();
            err.println(context.shorten("ferry: " + ferry.getMessage() + hint));
            code = ExitCodes.of(ferry.kind());
        } else if (e instanceof PromptCancelledException) {
            err.println("ferry: " + e.getMessage());
            code = ExitCodes.CANCELLED;
        } else if (e instanceof UncheckedIOException io) {
            err.println(context.shorten("ferry: " + io.getMessage() + ": " + io.getCause().getMessage()));
            code = ExitCodes.FAILED;
        } else {
            // the safety net: a provider maps its own SDK's failures at its boundary, so anything else is a bug
            err.println("ferry: internal error (" + e.getClass().getSimpleName() + "); this is a bug in ferry.");
            err.println("  Run again with --debug and report the output.");
            code = ExitCodes.BUG;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean debugAnywhere(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult sub = parsed; sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}

package dev.ferry.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * A mistyped command line (unknown option, a value that is not a number, a missing value) as one line naming the
 * problem and the command's --help, exit 2 — instead of picocli's default, which prints the whole usage text and
 * buries the problem above it.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println("ferry: " + problem.getMessage().strip() + suggestion(problem) + "; see `" + name + " --help`");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** picocli's nearest matches for a mistyped option or subcommand, e.g. " (did you mean --jobs?)". */
    private static String suggestion(CommandLine.ParameterException problem) {
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> near = unmatched.getSuggestions();
            if (!near.isEmpty()) {
                return " (did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?)";
            }
        }
        return "";
    }
}

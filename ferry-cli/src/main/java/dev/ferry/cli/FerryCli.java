package dev.ferry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. {@link #run} is the single entry point used by {@link Main} and by the tests. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Move an application off Heroku into your own cloud account.",
        subcommands = {InitCommand.class, BuildCommand.class, ComposeCommand.class, ConfigCommand.class,
                DataCommand.class, TailCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the operation failed", "2:bad usage or bad input",
                "3:the environment is not ready (credentials, engine)", "4:a bug in ferry", "130:cancelled"})
public final class FerryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs ferry with {@code args} on the real process streams and environment. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(CliContext.system(out, err), args);
    }

    /** Runs ferry with {@code args} in the given context (tests pass their own environment and folder). */
    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new FerryCli(), new ContextFactory(context));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler(new ErrorReporter(context));
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.terminalAttached() && context.env().getOrDefault("NO_COLOR", "").isEmpty()
                        ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        return cli.execute(args);
    }

    /** Gives each command that wants one a constructor argument of type {@link CliContext}. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry compose}: run a compose file on a provider. */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "Run a compose file: config, plan, up, ps, logs, down.",
        subcommands = {ComposeConfigCommand.class, ComposePlanCommand.class, ComposeUpCommand.class,
                ComposePsCommand.class, ComposeLogsCommand.class, ComposeDownCommand.class})
final class ComposeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

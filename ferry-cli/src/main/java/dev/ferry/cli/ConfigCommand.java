package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry config}: the values of the bare NAME: entries, kept in the provider's store, never printed. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Manage config values (the bare NAME: entries of compose.yaml); values are never printed.",
        subcommands = {ConfigSetCommand.class, ConfigLsCommand.class, ConfigRmCommand.class, ConfigImportCommand.class})
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

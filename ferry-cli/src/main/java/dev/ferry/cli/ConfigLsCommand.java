package dev.ferry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry config ls}: the names in the store, one a line; never a value. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the config names (never the values).")
final class ConfigLsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOptions config;

    private final CliContext context;

    ConfigLsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        config.store(context).names().forEach(context.out()::println);
        return ExitCodes.OK;
    }
}

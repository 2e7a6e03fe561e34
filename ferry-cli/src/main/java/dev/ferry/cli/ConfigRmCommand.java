package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.provider.ConfigStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry config rm NAME...}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove config values.")
final class ConfigRmCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The names to remove.")
    List<String> names;

    private final CliContext context;

    ConfigRmCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = config.store(context);
        List<String> unknown = names.stream().filter(n -> !store.names().contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw FerryException.badInput("not in the store: " + String.join(", ", unknown), "see the names with ferry config ls");
        }
        names.forEach(store::remove);
        context.err().println(" * Removed " + String.join(", ", names) + " from " + store.description());
        return ExitCodes.OK;
    }
}

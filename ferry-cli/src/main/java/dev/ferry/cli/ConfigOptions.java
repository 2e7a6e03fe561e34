package dev.ferry.cli;

import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.Providers;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every `ferry config` command takes: which project (by its compose file) and which provider's store. */
public final class ConfigOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "compose.yaml",
            description = "The project's compose file; its folder picks the store (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "local",
            description = "Whose config store: local (default: ${DEFAULT-VALUE}).")
    String provider;

    ConfigStore store(CliContext context) {
        return Providers.create(provider, context.env()).configStore(context.resolve(file).getParent());
    }
}

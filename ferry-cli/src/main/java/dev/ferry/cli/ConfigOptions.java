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
            description = "Whose config store: local (a file under ~/.config/ferry) or aws (SSM Parameter Store "
                    + "SecureStrings /ferry/PROJECT/STACK/NAME). Default: ${DEFAULT-VALUE}.")
    String provider;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "aws: which deployment's values, e.g. beta, production (default: beta).")
    String stack;

    ConfigStore store(CliContext context) {
        return Providers.create(provider, context.env(), ProviderChoice.settings(stack, null, null))
                .configStore(context.resolve(file).getParent());
    }
}

package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every `ferry compose` command takes: the file, the profiles, the provider. */
public final class ComposeOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "compose.yaml",
            description = "The compose file (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "Activate a profile (repeatable; also COMPOSE_PROFILES).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "local",
            description = "Where to run: local (Docker or Podman on this machine). Default: ${DEFAULT-VALUE}.")
    String provider;

    /** Loads the file for the chosen provider. */
    ComposeSession open(CliContext context) {
        return ComposeSession.open(context.resolve(file), file.toString(), profiles, provider, context.env());
    }
}

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
            description = "Where to run: local (Docker or Podman on this machine) or aws (your AWS account: "
                    + "AWS_PROFILE / AWS_REGION). Default: ${DEFAULT-VALUE}.")
    String provider;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "aws: which deployment of the project, e.g. beta, production (default: beta).")
    String stack;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "aws: affordable, balanced or high_availability (default: affordable; see docs/aws.md).")
    String mode;

    @Option(names = "--domain", paramLabel = "NAME",
            description = "aws: the domain the app answers on, with an HTTPS certificate (default: the load balancer's name).")
    String domain;

    /** Loads the file for the chosen provider. */
    ComposeSession open(CliContext context) {
        return ComposeSession.open(context.resolve(file), file.toString(), profiles, provider, context.env(),
                ProviderChoice.settings(stack, mode, domain));
    }

    /** Loads the file for a command that needs no account (compose config): an unreachable store counts as empty. */
    ComposeSession openOffline(CliContext context) {
        return ComposeSession.open(context.resolve(file), file.toString(), profiles, provider, context.env(),
                ProviderChoice.settings(stack, mode, domain), true);
    }

    boolean local() {
        return "local".equals(provider);
    }
}

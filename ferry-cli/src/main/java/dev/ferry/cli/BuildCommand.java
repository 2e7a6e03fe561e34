package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.Finding;
import dev.ferry.build.BuildPlanner;
import dev.ferry.build.BuiltImage;
import dev.ferry.build.PullPolicy;
import dev.ferry.build.ServiceBuildPlan;
import dev.ferry.build.ServiceBuilds;
import dev.ferry.build.engine.CliImageBuilder;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry build [SERVICE...]} builds images; {@code ferry build plan SERVICE} shows or ejects the Dockerfile. */
@Command(name = "build", mixinStandardHelpOptions = true, subcommands = BuildCommand.Plan.class,
        description = {"Build the images of the services built from source (build: in compose.yaml).",
            "Services without a Dockerfile get one that ferry writes from the detected language;"
                    + " see it with `ferry build plan SERVICE`."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, defaultValue = "compose.yaml", description = "The compose file (default: ${DEFAULT-VALUE}).")
    Path composeFile;

    @Option(names = "--pull", defaultValue = "missing", description = "Pull base images: missing, never or always (default: ${DEFAULT-VALUE}).")
    String pull;

    @Option(names = "--no-cache", description = "Rebuild every layer, ignoring the engine's cache.")
    boolean noCache;

    @Option(names = {"-v", "--verbose"}, description = "Show the engine's output.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Services to build (default: all with build:).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Failures.guard(err, () -> {
            PullPolicy policy = pullPolicy(pull);
            List<BuiltImage> built = new ServiceBuilds(new BuildPlanner(), CliImageBuilder::locate)
                    .build(composeFile, services, policy, noCache, events(err, verbose));
            for (BuiltImage image : built) {
                out.printf("%s  %s  %.1f s%n", String.join(",", image.tags()), shortId(image.id()),
                        image.took().toMillis() / 1000.0);
            }
            return 0;
        });
    }

    private static PullPolicy pullPolicy(String text) {
        try {
            return PullPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FerryException.badInput("--pull " + text + " is not a pull policy", "use missing, never or always");
        }
    }

    private static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** Plain-line rendering: steps and build steps always, the engine's own lines with --verbose. */
    static EventSink events(PrintWriter err, boolean verbose) {
        return event -> {
            if (event instanceof FerryEvent.Step step) {
                err.println("==> " + step.text());
            } else if (event instanceof FerryEvent.Progress progress) {
                err.println("  [" + progress.done() + "/" + progress.total() + "] " + progress.task());
            } else if (event instanceof FerryEvent.Detail detail && verbose) {
                err.println("    " + detail.text());
            }
        };
    }

    /** {@code ferry build plan SERVICE [--eject [--force]]}. */
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Print the Dockerfile ferry would build SERVICE with (stdout), and why (stderr).",
                "With --eject, write it beside the code as Dockerfile: from then on it is yours."})
    static final class Plan implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SERVICE", description = "A service with build: in the compose file.")
        String service;

        @Option(names = {"-f", "--file"}, defaultValue = "compose.yaml", description = "The compose file (default: ${DEFAULT-VALUE}).")
        Path composeFile;

        @Option(names = "--eject", description = "Write the Dockerfile into the service's build context.")
        boolean eject;

        @Option(names = "--force", description = "With --eject, replace an existing Dockerfile.")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return Failures.guard(err, () -> {
                ServiceBuilds builds = new ServiceBuilds(new BuildPlanner(), CliImageBuilder::locate);
                if (eject) {
                    Path written = builds.eject(composeFile, service, force);
                    out.println(written);
                    err.println("Wrote " + written + ". It is yours now: ferry builds " + service + " from it.");
                    return 0;
                }
                ServiceBuildPlan plan = builds.plan(composeFile, service);
                out.print(plan.dockerfile());
                out.flush();
                err.println(service + ": " + plan.language().id() + " " + plan.version().version() + " ("
                        + plan.version().source() + "), detected from " + plan.detectedFrom());
                for (Finding finding : plan.findings()) {
                    err.println(finding.severity().name().toLowerCase(Locale.ROOT) + ": " + finding.code() + ": "
                            + finding.message());
                }
                return 0;
            });
        }
    }
}

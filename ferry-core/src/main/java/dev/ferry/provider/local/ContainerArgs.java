package dev.ferry.provider.local;

import dev.ferry.compose.ComposeService.Healthcheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine arguments that create a container from a {@link ContainerSpec}: no environment value among them. */
final class ContainerArgs {

    private ContainerArgs() {
    }

    /** {@code run -d …}; the environment comes from {@code envFile}, which the caller writes owner-only. */
    static List<String> run(ContainerSpec spec, String project, Path envFile) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", spec.name(),
                "--network", LocalDeployment.network(project), "--network-alias", spec.service(),
                "--label", LocalDeployment.PROJECT_LABEL + "=" + project,
                "--label", LocalDeployment.SERVICE_LABEL + "=" + spec.service(),
                "--label", LocalDeployment.HASH_LABEL + "=" + spec.hash(),
                "--env-file", envFile.toString(), "--pull", "never"));
        for (String port : spec.ports()) {
            args.add("-p");
            args.add(port);
        }
        for (String volume : spec.volumes()) {
            args.add("-v");
            args.add(volume);
        }
        if (spec.healthcheck() != null) {
            health(args, spec.healthcheck());
        }
        if (spec.restart() != null) {
            args.add("--restart");
            args.add(spec.restart());
        }
        if (spec.memory() != null) {
            args.add("--memory");
            args.add(spec.memory());
        }
        if (spec.cpus() != null) {
            args.add("--cpus");
            args.add(spec.cpus());
        }
        List<String> tail = new ArrayList<>();
        if (!spec.entrypoint().isEmpty()) {
            // docker takes one word for --entrypoint: the rest goes before the command
            args.add("--entrypoint");
            args.add(spec.entrypoint().get(0));
            tail.addAll(spec.entrypoint().subList(1, spec.entrypoint().size()));
        }
        tail.addAll(spec.command());
        args.add(spec.image());
        args.addAll(tail);
        return args;
    }

    private static void health(List<String> args, Healthcheck health) {
        List<String> test = health.test();
        String command = "CMD-SHELL".equals(test.get(0)) ? String.join(" ", test.subList(1, test.size()))
                : "CMD".equals(test.get(0)) ? shellJoin(test.subList(1, test.size())) : shellJoin(test);
        args.add("--health-cmd");
        args.add(command);
        option(args, "--health-interval", health.interval());
        option(args, "--health-timeout", health.timeout());
        option(args, "--health-start-period", health.startPeriod());
        option(args, "--health-retries", health.retries() == null ? null : String.valueOf(health.retries()));
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }

    /** Words quoted for /bin/sh. */
    static String shellJoin(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(w.matches("[A-Za-z0-9_./:=@%+-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    /** The --env-file text: NAME=value lines (the engines take the rest of the line literally). */
    static String envFile(ContainerSpec spec) {
        StringBuilder out = new StringBuilder();
        spec.environment().forEach((name, value) -> {
            if (value.indexOf('\n') >= 0) {
                throw dev.ferry.FerryException.badInput("the value of " + name + " for service " + spec.service()
                        + " spans several lines", "the local provider passes values on one line; encode it (e.g. base64)");
            }
            out.append(name).append('=').append(value).append('\n');
        });
        return out.toString();
    }
}

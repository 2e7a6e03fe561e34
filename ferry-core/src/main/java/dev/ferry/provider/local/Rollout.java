package dev.ferry.provider.local;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.DeploymentPlan.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One up, service by service in dependency order: waits for what a service depends on (healthy, completed), runs
 * run-once services to completion — a failure stops the rollout with that service's logs — and starts the rest,
 * following their logs until every healthcheck passes.
 */
final class Rollout {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final LoadedCompose compose;
    private final Containers containers;
    private final EngineCli cli;
    private final Duration timeout;
    private final EventSink events;
    private final String project;
    /** Containers started by this up, by service. */
    private final Map<String, List<ContainerSpec>> started = new LinkedHashMap<>();
    private final List<Process> followers = new ArrayList<>();

    Rollout(LoadedCompose compose, Containers containers, Duration timeout, EventSink events) {
        this.compose = compose;
        this.containers = containers;
        this.cli = containers.cli();
        this.timeout = timeout;
        this.events = events;
        this.project = compose.projectName();
    }

    void apply(DeploymentPlan.Change change, List<ContainerSpec> specs) {
        ComposeService service = compose.project().service(change.service());
        if (change.action() == Action.KEEP) {
            events.emit(new FerryEvent.Status(service.name(), change.reason()));
            return;
        }
        waitForDependencies(service);
        containers.removeService(project, service.name());
        if (change.action() == Action.RUN) {
            runToCompletion(specs.get(0));
            return;
        }
        for (ContainerSpec spec : specs) {
            start(spec);
        }
        started.put(service.name(), specs);
        events.emit(new FerryEvent.Status(service.name(), service.healthcheck() != null ? "starting" : "started"));
    }

    private void waitForDependencies(ComposeService service) {
        for (ComposeService.Dependency dep : service.dependsOn()) {
            if (dep.condition() == ComposeService.Condition.SERVICE_HEALTHY) {
                waitHealthy(dep.service());
            }
            // SERVICE_COMPLETED_SUCCESSFULLY: run-once services finished (or failed the rollout) before this one
        }
    }

    private void runToCompletion(ContainerSpec spec) {
        events.emit(new FerryEvent.Status(spec.service(), "running"));
        create(spec);
        EngineCli.Result waited = cli.run(List.of("wait", spec.name()), timeout.plus(Duration.ofSeconds(5)));
        int code = parseExit(waited);
        showLogs(spec);
        if (code != 0) {
            events.emit(new FerryEvent.Status(spec.service(), "failed (exit " + code + ")"));
            throw FerryException.failed(spec.service() + " exited with code " + code + "; the rollout stopped before"
                    + " starting the services that wait for it", "its logs are above; fix the cause and run ferry compose up again",
                    null);
        }
        events.emit(new FerryEvent.Status(spec.service(), "completed"));
    }

    private static int parseExit(EngineCli.Result waited) {
        try {
            return Integer.parseInt(waited.out().strip().lines().reduce((a, b) -> b).orElse("-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void showLogs(ContainerSpec spec) {
        Process process = cli.stream(List.of("logs", spec.name()),
                line -> events.emit(new FerryEvent.Log(spec.service(), line)));
        Containers.waitFor(process);
    }

    private void start(ContainerSpec spec) {
        for (String port : spec.ports()) {
            checkPortFree(spec, port);
        }
        create(spec);
        String source = Containers.source(project, spec.name(), spec.service());
        followers.add(cli.stream(List.of("logs", "--follow", spec.name()),
                line -> events.emit(new FerryEvent.Log(source, line))));
    }

    private void create(ContainerSpec spec) {
        Path envFile = writeEnvFile(spec);
        try {
            EngineCli.Result result = cli.run(ContainerArgs.run(spec, project, envFile), Containers.SHORT);
            if (!result.ok()) {
                String problem = result.problem();
                if (problem.contains("address already in use") || problem.contains("port is already allocated")) {
                    throw busyPort(spec, spec.ports().isEmpty() ? "" : spec.ports().get(0));
                }
                throw FerryException.failed("could not start " + spec.service() + ": " + problem,
                        "run again with --debug for the engine's output", null);
            }
        } finally {
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                // a temp file in an owner-only folder; the OS cleans it
            }
        }
    }

    /** The values reach the engine through an owner-only file, never through its command line. */
    private static Path writeEnvFile(ContainerSpec spec) {
        try {
            Path file = Files.createTempFile("ferry-env-", ".env",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, ContainerArgs.envFile(spec));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a temporary env file", e);
        }
    }

    /**
     * Before anything starts: the ports of services that have no container yet must be free, so that a busy port
     * stops the rollout before the databases and the release run. (A recreated service frees its own ports first.)
     */
    void checkPortsFree(DeploymentPlan plan, Map<String, List<ContainerSpec>> desired) {
        for (DeploymentPlan.Change change : plan.changes()) {
            if (change.action() == Action.CREATE) {
                for (ContainerSpec spec : desired.get(change.service())) {
                    spec.ports().forEach(port -> checkPortFree(spec, port));
                }
            }
        }
    }

    private void checkPortFree(ContainerSpec spec, String port) {
        int hostPort = LocalDeployment.hostPort(port);
        if (hostPort <= 0 || port.endsWith("/udp")) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(hostPort));
        } catch (BindException e) {
            throw busyPort(spec, port);
        } catch (IOException e) {
            // cannot tell: let the engine try
        }
    }

    private FerryException busyPort(ContainerSpec spec, String port) {
        int index = compose.project().service(spec.service()).ports().indexOf(port);
        int line = compose.tree().lineOf(List.of("services", spec.service(), "ports", Math.max(index, 0)));
        int hostPort = LocalDeployment.hostPort(port);
        return FerryException.badInput(compose.file().getFileName().toString(), line, "port " + hostPort + " of service "
                + spec.service() + " is already in use on this machine", "stop what listens there (ss -ltnp 'sport = :"
                + hostPort + "'), or publish another host port, e.g. \"" + (hostPort + 1) + ":"
                + port.substring(port.lastIndexOf(':') + 1) + "\"");
    }

    /** Waits for every container started in this up that has a healthcheck. */
    void waitUntilHealthy() {
        for (String service : started.keySet()) {
            waitHealthy(service);
        }
    }

    private final java.util.Set<String> healthy = new java.util.HashSet<>();

    private void waitHealthy(String service) {
        if (healthy.contains(service)) {
            return;
        }
        ComposeService s = compose.project().service(service);
        List<ContainerSpec> specs = started.get(service);
        if (specs == null) {
            return; // kept from an earlier up: its health was checked then
        }
        for (ContainerSpec spec : specs) {
            waitHealthy(s, spec);
        }
        healthy.add(service);
        if (s.healthcheck() != null) {
            events.emit(new FerryEvent.Status(service, "healthy"));
        }
    }

    private void waitHealthy(ComposeService service, ContainerSpec spec) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            EngineCli.Result state = cli.run(List.of("inspect", "--type", "container", "--format",
                    "{{.State.Status}} {{.State.ExitCode}}", spec.name()), Containers.SHORT);
            String[] parts = state.out().strip().split(" ");
            if (state.ok() && !"running".equals(parts[0]) && !"created".equals(parts[0])) {
                throw FerryException.failed(spec.service() + " stopped (" + parts[0] + ", exit code "
                        + (parts.length > 1 ? parts[1] : "?") + ") before it became healthy",
                        "its logs are above; fix the cause and run ferry compose up again", null);
            }
            if (service.healthcheck() == null || healthcheckPasses(spec)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw FerryException.failed(spec.service() + " did not become healthy within " + timeout.toSeconds() + " s",
                        "its logs are above; check its healthcheck (" + compose.file().getFileName() + ":"
                                + compose.tree().lineOf(List.of("services", spec.service(), "healthcheck"))
                                + "), or wait longer with --wait-timeout", null);
            }
            sleep();
        }
    }

    /** Podman runs healthchecks from systemd timers, absent in many containers: run it on demand there. */
    private boolean healthcheckPasses(ContainerSpec spec) {
        if (cli.isPodman()) {
            return cli.run(List.of("healthcheck", "run", spec.name()), Containers.SHORT).ok();
        }
        EngineCli.Result health = cli.run(List.of("inspect", "--type", "container", "--format",
                "{{.State.Health.Status}}", spec.name()), Containers.SHORT);
        return health.ok() && "healthy".equals(health.out().strip());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted", null, e);
        }
    }

    void stopFollowing() {
        followers.forEach(Process::destroy);
        followers.clear();
    }
}

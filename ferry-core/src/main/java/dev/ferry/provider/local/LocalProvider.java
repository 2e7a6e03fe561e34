package dev.ferry.provider.local;

import dev.ferry.FerryException;
import dev.ferry.build.BuildPlanner;
import dev.ferry.build.ComposeBuildTargets;
import dev.ferry.build.ServiceBuilds;
import dev.ferry.build.engine.CliImageBuilder;
import dev.ferry.build.engine.EngineLocator;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.DeploymentPlan.Action;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.Provider;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Runs a compose project on this machine's container engine (Podman or Docker, through its command line):
 * builds images, creates a project network and volumes, starts managed Postgres and Redis, runs run-once services
 * (the release phase) to completion in dependency order, then starts the rest and waits until they are healthy.
 * Containers carry a hash of their config, so a second up changes only what changed.
 */
public final class LocalProvider implements Provider {

    /** The service keys the local provider acts on; others are reported as unsupported-key findings. */
    public static final Set<String> SUPPORTED_KEYS = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "healthcheck", "depends_on", "deploy", "restart", "volumes", "profiles", "mem_limit",
            "cpus", "scale");

    private final Map<String, String> env;
    private EngineCli cli;

    public LocalProvider(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<String> supportedServiceKeys() {
        return SUPPORTED_KEYS;
    }

    @Override
    public ConfigStore configStore(Path projectDir) {
        return LocalConfigStore.forProject(projectDir, env);
    }

    synchronized EngineCli cli() {
        if (cli == null) {
            try {
                cli = new EngineCli(new EngineLocator(env).locate());
            } catch (FerryException e) {
                throw FerryException.environment(e.getMessage().replace("no container engine to build with",
                        "no container engine to run the app on"), e.hint());
            }
        }
        return cli;
    }

    @Override
    public DeploymentPlan plan(LoadedCompose compose, UpOptions options, EventSink events) {
        ConfigStore store = configStore(compose.projectDir());
        requireConfig(compose, store);
        Map<String, String> images = images(compose);
        Map<String, List<ContainerSpec>> desired = desired(compose, images, store, options, false);
        return LocalPlanner.plan(desired, new Containers(cli()).list(compose.projectName()));
    }

    @Override
    public UpResult up(LoadedCompose compose, UpOptions options, EventSink events) {
        ConfigStore store = configStore(compose.projectDir());
        requireConfig(compose, store);
        EngineCli engine = cli();
        Map<String, String> images = images(compose);
        build(compose, images, options, events);
        Map<String, List<ContainerSpec>> desired = desired(compose, images, store, options, true);
        Containers containers = new Containers(engine);
        String project = compose.projectName();
        DeploymentPlan plan = LocalPlanner.plan(desired, containers.list(project));
        containers.ensureNetwork(project);
        containers.ensureVolumes(project, LocalDeployment.namedVolumes(desired.values().stream().flatMap(List::stream).toList()));
        Rollout rollout = new Rollout(compose, containers, options.waitTimeout(), events);
        rollout.checkPortsFree(plan, desired);
        try {
            for (DeploymentPlan.Change change : plan.changes()) {
                if (change.action() == Action.REMOVE) {
                    containers.removeService(project, change.service());
                    events.emit(new FerryEvent.Status(change.service(), "removed (" + change.reason() + ")"));
                }
            }
            for (DeploymentPlan.Change change : plan.changes()) {
                if (change.action() != Action.REMOVE) {
                    rollout.apply(change, desired.get(change.service()));
                }
            }
            rollout.waitUntilHealthy();
        } finally {
            rollout.stopFollowing();
        }
        return new UpResult(plan, containers.endpoints(project));
    }

    @Override
    public List<ServiceStatus> ps(LoadedCompose compose) {
        List<ServiceStatus> statuses = new ArrayList<>();
        EngineCli engine = cli();
        for (ExistingContainer c : new Containers(engine).list(compose.projectName())) {
            String state = c.status() + ("exited".equals(c.status()) ? " (" + c.exitCode() + ")" : "");
            String health = c.health();
            if (engine.isPodman() && c.running() && !health.isEmpty()) {
                // without systemd timers Podman never re-runs a healthcheck by itself: ask now
                health = engine.run(List.of("healthcheck", "run", c.name()), Containers.SHORT).ok() ? "healthy" : "unhealthy";
            }
            statuses.add(new ServiceStatus(c.service(), c.name(), state, health, c.ports(), c.image()));
        }
        statuses.sort(java.util.Comparator.comparing(ServiceStatus::service).thenComparing(ServiceStatus::instance));
        return statuses;
    }

    @Override
    public void logs(LoadedCompose compose, LogOptions options, EventSink events) {
        new Containers(cli()).logs(compose.projectName(), options, events);
    }

    @Override
    public void down(LoadedCompose compose, boolean volumes, EventSink events) {
        new Containers(cli()).down(compose.projectName(), volumes, events);
    }

    /** up refuses, naming every missing value, before anything is built or started. */
    static void requireConfig(LoadedCompose compose, ConfigStore store) {
        SortedSet<String> missing = new TreeSet<>(compose.neededConfig());
        missing.removeAll(store.names());
        if (!missing.isEmpty()) {
            throw FerryException.badInput("no value in the config store for " + String.join(", ", missing),
                    (missing.size() == 1 ? "set it with `ferry config set " + missing.first() + "`"
                            : "set each with `ferry config set NAME`") + ", or copy secrets from Heroku with"
                            + " `ferry config import --from heroku --app APP`");
        }
    }

    /** Each service's image reference: image:, else the tag the build gives it. */
    private static Map<String, String> images(LoadedCompose compose) {
        Map<String, String> builtTags = new LinkedHashMap<>();
        boolean anyBuild = compose.project().services().stream().anyMatch(s -> s.build() != null);
        if (anyBuild) {
            ComposeBuildTargets.read(compose.file()).forEach(t -> builtTags.put(t.service(), t.image()));
        }
        Map<String, String> images = new LinkedHashMap<>();
        for (ComposeService service : compose.project().services()) {
            String image = service.build() != null ? builtTags.get(service.name()) : service.image();
            if (image == null) {
                throw FerryException.badInput(compose.file().getFileName().toString(),
                        compose.tree().lineOf(List.of("services", service.name())),
                        "service " + service.name() + " has neither image: nor build:", "add one of them");
            }
            images.put(service.name(), image);
        }
        return images;
    }

    private void build(LoadedCompose compose, Map<String, String> images, UpOptions options, EventSink events) {
        List<String> toBuild = compose.project().services().stream().filter(s -> s.build() != null)
                .map(ComposeService::name).toList();
        if (toBuild.isEmpty()) {
            return;
        }
        toBuild.forEach(s -> events.emit(new FerryEvent.Status(s, "building")));
        new ServiceBuilds(new BuildPlanner(), () -> new CliImageBuilder(cli().engine()))
                .build(compose.file(), toBuild, options.pull(), events);
        toBuild.forEach(s -> events.emit(new FerryEvent.Status(s, "built " + images.get(s))));
    }

    private Map<String, List<ContainerSpec>> desired(LoadedCompose compose, Map<String, String> images,
                                                     ConfigStore store, UpOptions options, boolean pull) {
        Containers containers = new Containers(cli());
        Map<String, List<ContainerSpec>> desired = new LinkedHashMap<>();
        for (ComposeService service : LocalDeployment.startOrder(compose)) {
            String image = images.get(service.name());
            String id = service.build() != null || !pull ? containers.imageId(image).orElse("not built yet")
                    : containers.requireImage(image, options.pull());
            desired.put(service.name(), LocalDeployment.containers(compose, service, image, id, store::get));
        }
        return desired;
    }

    /** Whether a service's containers are waited on until healthy. */
    static boolean hasHealthcheck(ComposeService service) {
        return service.healthcheck() != null && !ComposeRules.isRunOnce(service);
    }
}

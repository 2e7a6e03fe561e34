package dev.ferry.provider.local;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.Interpolation;
import dev.ferry.compose.load.LoadedCompose;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The pure half of the local provider: from a loaded compose project, the images and the config store's values,
 * the containers, network and volumes to run, in dependency order. No engine is touched here.
 */
public final class LocalDeployment {

    /** Labels that mark what ferry created, so that up, ps and down find it again. */
    public static final String PROJECT_LABEL = "dev.ferry.project";
    public static final String SERVICE_LABEL = "dev.ferry.service";
    public static final String HASH_LABEL = "dev.ferry.config-hash";

    private LocalDeployment() {
    }

    /** The project's network. */
    public static String network(String project) {
        return project + "_default";
    }

    /** A named volume's engine name, as Compose names it. */
    public static String volume(String project, String name) {
        return project + "_" + name;
    }

    /** The services in an order where each comes after those it depends on (file order otherwise). */
    public static List<ComposeService> startOrder(LoadedCompose compose) {
        Map<String, ComposeService> byName = new LinkedHashMap<>();
        compose.project().services().forEach(s -> byName.put(s.name(), s));
        List<ComposeService> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (ComposeService service : byName.values()) {
            visit(service, byName, done, new ArrayDeque<>(), order, compose);
        }
        return order;
    }

    private static void visit(ComposeService service, Map<String, ComposeService> byName, Set<String> done,
                              Deque<String> path, List<ComposeService> order, LoadedCompose compose) {
        if (done.contains(service.name())) {
            return;
        }
        if (path.contains(service.name())) {
            throw FerryException.badInput(compose.file().getFileName().toString(),
                    compose.tree().lineOf(List.of("services", service.name(), "depends_on")),
                    "services depend on each other in a circle: " + String.join(" -> ", path) + " -> " + service.name(),
                    "remove one of the depends_on entries");
        }
        path.addLast(service.name());
        for (ComposeService.Dependency dep : service.dependsOn()) {
            ComposeService target = byName.get(dep.service());
            if (target != null) {
                visit(target, byName, done, path, order, compose);
            }
        }
        path.removeLast();
        done.add(service.name());
        order.add(service);
    }

    /**
     * The containers of {@code service}: one per replica (a run-once service has one).
     *
     * @param image the image reference the service runs
     * @param imageId the engine's id of it
     * @param store the config store's value for a name
     */
    public static List<ContainerSpec> containers(LoadedCompose compose, ComposeService service, String image,
                                                 String imageId, Function<String, Optional<String>> store) {
        String project = compose.projectName();
        java.util.SortedMap<String, String> env = new TreeMap<>();
        for (ComposeService.EnvEntry entry : service.environment()) {
            String value = entry.isBare() ? store.apply(entry.name()).orElse("")
                    : Interpolation.unescape(entry.value(), store);
            env.put(entry.name(), value);
        }
        List<String> entrypoint = service.entrypoint().stream().map(w -> Interpolation.unescape(w, store)).toList();
        List<String> command = service.command().stream().map(w -> Interpolation.unescape(w, store)).toList();
        List<String> volumes = new ArrayList<>();
        service.volumes().forEach(v -> volumes.add(mount(project, compose.projectDir(), v)));
        managedDataVolume(service).filter(target -> volumes.stream().noneMatch(v -> v.contains(":" + target)))
                .ifPresent(target -> volumes.add(volume(project, service.name() + "-data") + ":" + target));
        ComposeService.Healthcheck health = service.healthcheck() == null ? null : new ComposeService.Healthcheck(
                service.healthcheck().test().stream().map(w -> Interpolation.unescape(w, store)).toList(),
                service.healthcheck().interval(), service.healthcheck().timeout(), service.healthcheck().retries(),
                service.healthcheck().startPeriod());
        boolean runOnce = ComposeRules.isRunOnce(service);
        String restart = runOnce || service.restart() == null ? null : service.restart();
        ComposeService.Resources limits = service.deploy() == null ? null : service.deploy().limits();
        String memory = limits == null || limits.memory() == null ? null : limits.memory().toLowerCase(Locale.ROOT);
        String cpus = limits == null ? null : limits.cpus();
        int replicas = runOnce ? 1 : ComposeRules.replicas(service);
        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = 1; i <= replicas; i++) {
            specs.add(new ContainerSpec(service.name(), project + "-" + service.name() + "-" + i, i, image, imageId,
                    entrypoint, command, env, i == 1 ? service.ports() : List.of(), volumes, health, restart, memory,
                    cpus, runOnce));
        }
        return specs;
    }

    /** Where a managed database keeps its data: a named volume there survives down and up. */
    static Optional<String> managedDataVolume(ComposeService service) {
        if (ComposeRules.isManagedPostgres(service)) {
            return Optional.of("/var/lib/postgresql/data");
        }
        if (ComposeRules.isManagedRedis(service)) {
            return Optional.of("/data");
        }
        return Optional.empty();
    }

    /** "data:/x" → "{project}_data:/x"; "./src:/app" → "/abs/src:/app"; "/x" (anonymous) stays. */
    static String mount(String project, Path projectDir, String volume) {
        int colon = volume.indexOf(':');
        if (colon < 0) {
            return volume;
        }
        String source = volume.substring(0, colon);
        String rest = volume.substring(colon);
        if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
            Path path = source.startsWith("~") ? Path.of(System.getProperty("user.home"), source.substring(1).replaceFirst("^/", ""))
                    : projectDir.resolve(source).normalize();
            return path + rest;
        }
        return volume(project, source) + rest;
    }

    /** The named volumes the services mount (engine names), in order. */
    public static Set<String> namedVolumes(List<ContainerSpec> specs) {
        Set<String> names = new LinkedHashSet<>();
        for (ContainerSpec spec : specs) {
            for (String v : spec.volumes()) {
                int colon = v.indexOf(':');
                if (colon > 0 && !v.startsWith("/")) {
                    names.add(v.substring(0, colon));
                }
            }
        }
        return names;
    }

    /** The host port a short port spec publishes, or -1 when the engine picks one ("80", "127.0.0.1::80"). */
    public static int hostPort(String spec) {
        String base = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
        String[] parts = base.split(":");
        if (parts.length < 2 || parts[parts.length - 2].isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[parts.length - 2].contains("-") ? parts[parts.length - 2].split("-")[0]
                    : parts[parts.length - 2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

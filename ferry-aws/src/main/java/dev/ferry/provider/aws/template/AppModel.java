package dev.ferry.provider.aws.template;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the app template is made of, read once from the compose project: which services are managed databases,
 * which run once, which run long; their published and discovery ports; where each managed database is reached.
 */
final class AppModel {

    /** A published port: the listener port on the load balancer and the container port behind it. */
    record Published(int listenerPort, int containerPort) {}

    final AppStackInput input;
    final Modes.Settings mode;
    final List<ComposeService> postgres = new ArrayList<>();
    final List<ComposeService> redis = new ArrayList<>();
    /** Services that run an image (ECS): long-running and run-once. */
    final List<ComposeService> runnable = new ArrayList<>();
    /** compose service name → the attribute of its address (managed databases only). */
    final Map<String, String> hosts = new LinkedHashMap<>();
    /** config name → the Secrets Manager ValueFrom (Fn::Sub text) of a managed database's generated password. */
    final Map<String, String> databasePasswords = new LinkedHashMap<>();
    /** long-running service → its first published port (at most one per service goes on the load balancer). */
    final Map<String, Published> published = new LinkedHashMap<>();
    /** long-running service → the container ports other services reach it on by name (Service Connect). */
    final Map<String, TreeSet<Integer>> discoveryPorts = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();

    AppModel(AppStackInput input) {
        this.input = input;
        this.mode = Modes.of(input.settings().provider().mode());
        for (ComposeService service : input.compose().project().services()) {
            if (ComposeRules.isManagedPostgres(service)) {
                postgres.add(service);
                hosts.put(service.name(), LogicalIds.of(service.name()) + "Database.Endpoint.Address");
                passwordName(service).ifPresent(name -> databasePasswords.put(name,
                        "${" + LogicalIds.of(service.name()) + "Secret}:password::"));
            } else if (ComposeRules.isManagedRedis(service)) {
                redis.add(service);
                hosts.put(service.name(), LogicalIds.of(service.name()) + "Cache.PrimaryEndPoint.Address");
            } else {
                runnable.add(service);
            }
        }
        for (ComposeService service : runnable) {
            if (!service.volumes().isEmpty()) {
                findings.add(Finding.warning(AwsFindings.UNSUPPORTED_VOLUME, "service " + service.name(),
                        "mounts " + String.join(", ", service.volumes()) + ": Fargate tasks keep no disk, so the "
                                + "volume is left out; keep state in the managed database or S3"));
            }
            if (!isRunOnce(service)) {
                publishedPort(service).ifPresent(p -> published.put(service.name(), p));
            }
        }
        discovery();
    }

    boolean isRunOnce(ComposeService service) {
        return ComposeRules.isRunOnce(service);
    }

    List<ComposeService> longRunning() {
        return runnable.stream().filter(s -> !isRunOnce(s)).toList();
    }

    /** Whether Service Connect is used: some long-running service is reached by name. */
    boolean serviceConnect() {
        return !discoveryPorts.isEmpty();
    }

    String namespace() {
        return input.settings().appStackName() + ".local";
    }

    /** The config name a managed Postgres takes its password from: POSTGRES_PASSWORD: (bare) or ${NAME}. */
    private static Optional<String> passwordName(ComposeService service) {
        ComposeService.EnvEntry entry = service.env("POSTGRES_PASSWORD");
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.isBare()) {
            return Optional.of(entry.name());
        }
        return EnvText.parse(entry.value(), Map.of()).soleConfig();
    }

    /** The first TCP port a service publishes; UDP and ranges become findings. */
    private Optional<Published> publishedPort(ComposeService service) {
        for (String spec : service.ports()) {
            String base = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
            boolean udp = spec.endsWith("/udp") || spec.endsWith("/sctp");
            String[] parts = base.split(":");
            String container = parts[parts.length - 1];
            String host = parts.length >= 2 ? parts[parts.length - 2] : "";
            if (udp || container.contains("-") || host.contains("-")) {
                findings.add(Finding.warning(AwsFindings.UNSUPPORTED_PORT, "service " + service.name(),
                        "publishes " + spec + ": the load balancer serves HTTP on single TCP ports; left out"));
                continue;
            }
            int containerPort = Integer.parseInt(container);
            int hostPort = host.isEmpty() ? containerPort : Integer.parseInt(host);
            return Optional.of(new Published(hostPort, containerPort));
        }
        return Optional.empty();
    }

    /** Ports others reach a long-running service on: its published container port, and NAME:PORT in their env. */
    private void discovery() {
        List<ComposeService> servers = longRunning();
        for (ComposeService server : servers) {
            TreeSet<Integer> ports = new TreeSet<>();
            boolean named = false;
            for (ComposeService client : runnable) {
                if (client == server) {
                    continue;
                }
                for (ComposeService.EnvEntry e : client.environment()) {
                    if (e.isBare()) {
                        continue;
                    }
                    for (EnvText.Part part : EnvText.parse(e.value(), hosts).parts()) {
                        if (part.kind() == EnvText.Kind.LITERAL) {
                            List<Integer> found = EnvText.portsOf(part.text(), server.name());
                            ports.addAll(found);
                            if (!found.isEmpty() && isRunOnce(client)) {
                                findings.add(Finding.warning(AwsFindings.RELEASE_DISCOVERY, "service " + client.name(),
                                        "runs once (a one-off ECS task) and names " + server.name() + " in "
                                                + e.name() + ": Service Connect serves ECS services only, so the "
                                                + "name will not resolve in that task"));
                            }
                            named |= !found.isEmpty();
                        }
                    }
                }
            }
            if (named) {
                Published p = published.get(server.name());
                if (p != null) {
                    ports.add(p.containerPort());
                }
                discoveryPorts.put(server.name(), ports);
            }
        }
    }
}

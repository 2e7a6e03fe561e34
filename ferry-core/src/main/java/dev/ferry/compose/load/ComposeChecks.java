package dev.ferry.compose.load;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeProject;
import dev.ferry.compose.ComposeService;
import dev.ferry.snapshot.ConfigVarClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ferry's own checks on a loaded compose file, beyond the schema: what would run badly in the cloud, or not at all
 * on the chosen provider. Each is a {@link Finding} with a stable code documented in docs/compose-checks.md; none
 * quotes an environment value.
 */
public final class ComposeChecks {

    /** Images that keep state; each needs a managed extension (or a deliberate volume) to survive a redeploy. */
    static final Map<String, String> STATEFUL_IMAGES = Map.of(
            "postgres", "x-defang-postgres", "redis", "x-defang-redis", "valkey", "x-defang-redis",
            "mongo", "x-defang-mongodb", "mysql", "x-defang-mysql", "mariadb", "x-defang-mysql",
            "elasticsearch", "", "opensearch", "", "rabbitmq", "", "memcached", "");

    private ComposeChecks() {
    }

    /**
     * @param supportedKeys the service keys the chosen provider understands; null to skip that check
     */
    public static List<Finding> check(String label, ComposeProject project, YamlTree tree, Set<String> supportedKeys) {
        List<Finding> findings = new ArrayList<>();
        Object services = tree.root().get("services");
        for (ComposeService service : project.services()) {
            String subject = "service " + service.name() + " (" + label + ":" + tree.lineOf(List.of("services", service.name())) + ")";
            if (!service.ports().isEmpty() && service.healthcheck() == null) {
                findings.add(Finding.warning("healthcheck-missing", subject, "publishes a port but has no healthcheck;"
                        + " add one so that a rollout waits until it answers"));
            }
            // a managed database is sized by the provider (RDS/ElastiCache class per mode), not by a limit
            boolean managed = ComposeRules.isManagedPostgres(service) || ComposeRules.isManagedRedis(service);
            if (!ComposeRules.isRunOnce(service) && !managed && !hasMemoryLimit(service)) {
                findings.add(Finding.warning("memory-limit-missing", subject, "has no memory limit; set"
                        + " deploy.resources.limits.memory so that the cloud target can size it"));
            }
            statefulImage(service).ifPresent(base -> findings.add(Finding.warning("stateful-image-unmanaged", subject,
                    "runs " + base + " without a managed extension" + managedHint(base)
                            + "; its data lives only in a container volume")));
            Map<?, ?> body = services instanceof Map<?, ?> all && all.get(service.name()) instanceof Map<?, ?> m ? m : Map.of();
            secretLiterals(label, tree, service, body, findings);
            if (supportedKeys != null) {
                body.keySet().stream().map(String::valueOf)
                        .filter(key -> !key.startsWith("x-") && !supportedKeys.contains(key))
                        .forEach(key -> findings.add(Finding.warning("unsupported-key", "service " + service.name()
                                + " (" + label + ":" + tree.lineOf(List.of("services", service.name(), key)) + ")",
                                "uses " + key + ", which this provider ignores")));
            }
            Integer replicas = service.deploy() == null ? null : service.deploy().replicas();
            if (replicas != null && replicas > 1 && service.ports().stream().anyMatch(p -> p.contains(":"))) {
                findings.add(Finding.warning("replicas-share-port", subject, "has " + replicas + " replicas and a"
                        + " fixed host port; on one machine only the first replica publishes it"));
            }
        }
        return findings;
    }

    private static boolean hasMemoryLimit(ComposeService service) {
        return service.deploy() != null && service.deploy().limits() != null
                && service.deploy().limits().memory() != null;
    }

    /** The image's base name (postgres for docker.io/library/postgres:17) when it keeps state and is not managed. */
    static Optional<String> statefulImage(ComposeService service) {
        if (service.image() == null) {
            return Optional.empty();
        }
        String name = service.image();
        name = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        String base = name.toLowerCase(Locale.ROOT);
        String extension = STATEFUL_IMAGES.get(base);
        if (extension == null) {
            return Optional.empty();
        }
        boolean managed = service.extensions().keySet().stream().anyMatch(k -> k.startsWith("x-defang-")
                && Boolean.TRUE.equals(service.extensions().get(k)));
        return managed ? Optional.empty() : Optional.of(base);
    }

    private static String managedHint(String base) {
        String extension = STATEFUL_IMAGES.get(base);
        return extension.isEmpty() ? "" : " (add " + extension + ": true)";
    }

    /** Literal values (not ${...} references) that the one secret rule calls secret: they belong in the config store. */
    private static void secretLiterals(String label, YamlTree tree, ComposeService service, Map<?, ?> body,
                                       List<Finding> findings) {
        Object env = body.get("environment");
        for (ComposeService.EnvEntry entry : service.environment()) {
            if (entry.isBare()) {
                continue;
            }
            List<Object> path = env instanceof List<?> list ? List.of("services", service.name(), "environment",
                    indexOf(list, entry.name())) : List.of("services", service.name(), "environment", entry.name());
            if (tree.interpolated().contains(path) || entry.value().contains("${")) {
                continue;
            }
            ConfigVarClassifier.secretReason(entry.name(), entry.value()).ifPresent(reason ->
                    findings.add(Finding.warning("secret-literal", "service " + service.name() + " (" + label + ":"
                            + tree.lineOf(path) + ")", "environment " + entry.name() + " holds a literal value and "
                            + reason + "; make it a bare entry (" + entry.name() + ":) and run ferry config set "
                            + entry.name())));
        }
    }

    private static int indexOf(List<?> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            String item = String.valueOf(list.get(i));
            if (item.equals(name) || item.startsWith(name + "=")) {
                return i;
            }
        }
        return -1;
    }
}

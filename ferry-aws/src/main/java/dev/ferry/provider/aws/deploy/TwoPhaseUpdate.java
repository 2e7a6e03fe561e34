package dev.ferry.provider.aws.deploy;

import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.LogicalIds;
import dev.ferry.provider.local.LocalDeployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the two stack updates around the release: which services are the release, whether the services
 * change at all (else no release runs), and each update's parameters.
 */
final class TwoPhaseUpdate {

    private TwoPhaseUpdate() {
    }

    /**
     * The parameters of one stack update. Image parameters of the services in {@code newNow} (and of services new to
     * the stack) get the new image; the others keep the stack's value. {@code servicesEnabled} null keeps it too.
     */
    static List<StackParameter> parameters(Set<String> declared, Map<String, String> uris,
                                                   Optional<StackState> existing, Set<String> newNow,
                                                   String servicesEnabled) {
        Map<String, String> serviceByParameter = new LinkedHashMap<>();
        uris.keySet().forEach(s -> serviceByParameter.put(LogicalIds.imageParameter(s), s));
        Set<String> current = existing.map(s -> s.parameters().keySet()).orElse(Set.of());
        List<StackParameter> parameters = new ArrayList<>();
        for (String key : new TreeSet<>(declared)) {
            String service = serviceByParameter.get(key);
            if (key.equals(AppStackOutputs.SERVICES_ENABLED_PARAMETER)) {
                parameters.add(servicesEnabled != null ? StackParameter.of(key, servicesEnabled)
                        : current.contains(key) ? StackParameter.previous(key) : StackParameter.of(key, "false"));
            } else if (service != null) {
                parameters.add(newNow.contains(service) || !current.contains(key)
                        ? StackParameter.of(key, uris.get(service)) : StackParameter.previous(key));
            } else if (current.contains(key)) {
                parameters.add(StackParameter.previous(key)); // a parameter ferry does not set keeps its value
            }
        }
        return parameters;
    }

    /** Whether the long-running services would change image, or are still held at 0 tasks. */
    static boolean servicesChange(Optional<StackState> existing, Map<String, String> uris,
                                          Set<String> declared) {
        if (existing.isEmpty()) {
            return true;
        }
        Map<String, String> current = existing.get().parameters();
        if (declared.contains(AppStackOutputs.SERVICES_ENABLED_PARAMETER)
                && !"true".equals(current.get(AppStackOutputs.SERVICES_ENABLED_PARAMETER))) {
            return true;
        }
        return uris.entrySet().stream().anyMatch(e -> declared.contains(LogicalIds.imageParameter(e.getKey()))
                && !e.getValue().equals(current.get(LogicalIds.imageParameter(e.getKey()))));
    }

    /** Run-once services with an image parameter (the release phase), in dependency order. */
    static List<ComposeService> releaseServices(LoadedCompose compose, Set<String> declared) {
        return LocalDeployment.startOrder(compose).stream().filter(ComposeRules::isRunOnce)
                .filter(s -> !isManaged(s)).filter(s -> declared.contains(LogicalIds.imageParameter(s.name())))
                .toList();
    }

    static boolean isManaged(ComposeService service) {
        return ComposeRules.isManagedPostgres(service) || ComposeRules.isManagedRedis(service);
    }
}

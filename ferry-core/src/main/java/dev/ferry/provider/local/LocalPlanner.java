package dev.ferry.provider.local;

import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.DeploymentPlan.Action;
import dev.ferry.provider.DeploymentPlan.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what up changes, by comparing the containers wanted (with their config hashes) with those that exist:
 * a service is kept when every replica runs with the same hash, a run-once service when it already completed with
 * the same hash; services no longer in the file are removed.
 */
public final class LocalPlanner {

    private LocalPlanner() {
    }

    /** @param desired each service's containers, in start order */
    public static DeploymentPlan plan(Map<String, List<ContainerSpec>> desired, List<ExistingContainer> existing) {
        Map<String, List<ExistingContainer>> byService = existing.stream()
                .collect(Collectors.groupingBy(ExistingContainer::service, LinkedHashMap::new, Collectors.toList()));
        List<Change> changes = new ArrayList<>();
        desired.forEach((service, specs) -> changes.add(change(service, specs, byService.getOrDefault(service, List.of()))));
        byService.keySet().stream().filter(s -> !desired.containsKey(s))
                .forEach(s -> changes.add(new Change(s, Action.REMOVE, "no longer in the compose file")));
        return new DeploymentPlan(changes);
    }

    private static Change change(String service, List<ContainerSpec> specs, List<ExistingContainer> current) {
        if (specs.isEmpty()) {
            return current.isEmpty() ? new Change(service, Action.KEEP, "0 replicas")
                    : new Change(service, Action.REMOVE, "scaled to 0 replicas");
        }
        Map<String, String> wanted = specs.stream().collect(Collectors.toMap(ContainerSpec::name, ContainerSpec::hash));
        Map<String, ExistingContainer> have = current.stream()
                .collect(Collectors.toMap(ExistingContainer::name, c -> c, (a, b) -> a));
        boolean runOnce = specs.get(0).runOnce();
        if (runOnce) {
            ExistingContainer last = have.get(specs.get(0).name());
            if (last != null && last.hash().equals(specs.get(0).hash()) && last.completedOk()) {
                return new Change(service, Action.KEEP, "already completed with this config");
            }
            return new Change(service, Action.RUN, last == null ? "runs before the services that wait for it"
                    : last.hash().equals(specs.get(0).hash()) ? "its last run did not complete" : "its config changed");
        }
        if (current.isEmpty()) {
            return new Change(service, Action.CREATE, specs.size() + (specs.size() == 1 ? " container" : " containers"));
        }
        boolean same = have.keySet().equals(Set.copyOf(wanted.keySet()))
                && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey()).hash()));
        if (!same) {
            return new Change(service, Action.RECREATE, have.size() != wanted.size() ? "replicas changed" : "its config changed");
        }
        if (current.stream().anyMatch(c -> !c.running())) {
            return new Change(service, Action.RECREATE, "not running");
        }
        return new Change(service, Action.KEEP, "up to date");
    }
}

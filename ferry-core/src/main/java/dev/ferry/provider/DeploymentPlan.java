package dev.ferry.provider;

import java.util.List;

/** What a deployment changes, service by service, in the order it happens. */
public record DeploymentPlan(List<Change> changes) {

    public DeploymentPlan {
        changes = List.copyOf(changes);
    }

    /** What happens to one service. */
    public enum Action { CREATE, RECREATE, RUN, KEEP, REMOVE }

    /**
     * @param service the compose service
     * @param action what happens
     * @param reason why, in a few words (never a value)
     */
    public record Change(String service, Action action, String reason) {}

    /** Whether nothing changes. */
    public boolean isEmpty() {
        return changes.stream().allMatch(c -> c.action() == Action.KEEP);
    }
}

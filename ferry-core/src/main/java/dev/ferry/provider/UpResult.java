package dev.ferry.provider;

import java.util.List;

/**
 * What up did.
 *
 * @param plan the changes it made
 * @param endpoints where the app answers, e.g. "web http://localhost:5000"
 */
public record UpResult(DeploymentPlan plan, List<Endpoint> endpoints) {

    public UpResult {
        endpoints = List.copyOf(endpoints);
    }

    /** A published port of a service. */
    public record Endpoint(String service, String url) {}
}

package dev.ferry.provider;

import java.util.List;

/**
 * One running (or stopped) instance of a service.
 *
 * @param service the compose service
 * @param instance the container's (or task's) name
 * @param state e.g. running, exited (0), created
 * @param health healthy, unhealthy, starting, or "" when the service has no healthcheck
 * @param ports published ports, e.g. "0.0.0.0:5000->5000/tcp"
 * @param image the image it runs
 */
public record ServiceStatus(String service, String instance, String state, String health, List<String> ports,
                            String image) {

    public ServiceStatus {
        ports = List.copyOf(ports);
    }
}

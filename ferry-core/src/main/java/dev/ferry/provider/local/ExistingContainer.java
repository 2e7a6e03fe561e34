package dev.ferry.provider.local;

import java.util.List;

/**
 * A container ferry created earlier, as the engine reports it.
 *
 * @param name its name
 * @param service the compose service (label)
 * @param hash the config hash it was created with (label)
 * @param status running, exited, created, …
 * @param exitCode its exit code once exited
 * @param health healthy, unhealthy, starting, or "" without a healthcheck
 * @param ports published ports, e.g. 0.0.0.0:5000->5000/tcp
 * @param image the image it runs
 */
public record ExistingContainer(String name, String service, String hash, String status, int exitCode, String health,
                                List<String> ports, String image) {

    public ExistingContainer {
        ports = List.copyOf(ports);
    }

    public boolean running() {
        return "running".equals(status);
    }

    public boolean completedOk() {
        return "exited".equals(status) && exitCode == 0;
    }
}

package dev.ferry.provider.local;

import dev.ferry.compose.ComposeService.Healthcheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One container the local provider runs, fully resolved: values from the config store are in {@code environment},
 * so a spec is never printed or logged, only hashed. The hash labels the container; up recreates a container only
 * when its hash changes.
 *
 * @param service the compose service
 * @param name the container's name, {project}-{service}-{replica}
 * @param replica 1-based
 * @param image the image reference
 * @param imageId the engine's id of that image (a rebuilt image changes the hash)
 * @param entrypoint the entrypoint words, empty for the image's
 * @param command the command words, empty for the image's
 * @param environment the resolved environment, sorted
 * @param ports published ports (short syntax), only on the first replica
 * @param volumes mounts: engine volume names or absolute host paths, then ':' and the target
 * @param healthcheck the healthcheck with resolved text, or null
 * @param restart the engine's restart policy, or null
 * @param memory the memory limit (engine syntax, e.g. 512m), or null
 * @param cpus the CPU limit, or null
 * @param runOnce whether it runs to completion (restart: "no")
 */
public record ContainerSpec(String service, String name, int replica, String image, String imageId,
                            List<String> entrypoint, List<String> command, SortedMap<String, String> environment,
                            List<String> ports, List<String> volumes, Healthcheck healthcheck, String restart,
                            String memory, String cpus, boolean runOnce) {

    public ContainerSpec {
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
    }

    /** A digest of everything that shapes the container; equal specs give equal hashes. */
    public String hash() {
        StringBuilder canonical = new StringBuilder();
        for (Object part : List.of(service, name, image, String.valueOf(imageId), entrypoint, command, ports, volumes,
                String.valueOf(healthcheck), String.valueOf(restart), String.valueOf(memory), String.valueOf(cpus),
                runOnce)) {
            canonical.append(part).append('\u0000');
        }
        for (Map.Entry<String, String> e : environment.entrySet()) {
            canonical.append(e.getKey()).append('=').append(e.getValue()).append('\u0000');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Redacts the values: what toString shows in a debugger or an assertion message. */
    @Override
    public String toString() {
        return "ContainerSpec[" + name + ", image=" + image + ", env=" + environment.keySet() + "]";
    }
}

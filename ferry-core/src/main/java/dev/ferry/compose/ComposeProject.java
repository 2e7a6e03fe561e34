package dev.ferry.compose;

import java.util.List;

/**
 * A Compose project as ferry writes (and later reads) it: services in the order they are written, and the named
 * volumes they use. Strings in the model are Compose text: a literal {@code $} is already written {@code $$}, while
 * {@code ${NAME}} means Compose interpolation on purpose (see {@link ComposeText}).
 *
 * @param name Compose's top-level {@code name}, or null to let the tool take the folder's name (what ferry
 *     writes: docker-compose 1.x rejects the key)
 * @param headerComment comment lines written at the top of the file, may be empty
 * @param services the services, in a stable order
 * @param volumes top-level named volumes, sorted
 */
public record ComposeProject(String name, List<String> headerComment, List<ComposeService> services,
                             List<String> volumes) {

    public ComposeProject {
        headerComment = List.copyOf(headerComment);
        services = List.copyOf(services);
        volumes = List.copyOf(volumes);
    }

    /** The service of that name, or null. */
    public ComposeService service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElse(null);
    }
}

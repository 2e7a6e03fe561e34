package dev.ferry.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compose service that is built from source.
 *
 * @param service the compose service's name
 * @param context the build context folder, absolute
 * @param userDockerfile the user's Dockerfile when the service names one or its context holds one; empty when
 *     ferry writes the plan
 * @param image the tag the image gets: the service's image: or "{project}-{service}"
 */
public record BuildTarget(String service, Path context, Optional<Path> userDockerfile, String image) {

    public BuildTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(userDockerfile, "userDockerfile");
        Objects.requireNonNull(image, "image");
    }

    /** Whether ferry writes this service's Dockerfile. */
    public boolean plannedByFerry() {
        return userDockerfile.isEmpty();
    }

    /** Services that share a context and Dockerfile share one image (like Heroku's slug): the key to group on. */
    public List<Object> imageKey() {
        return List.of(context, userDockerfile.map(Path::toString).orElse(""));
    }
}

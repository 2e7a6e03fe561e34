package dev.ferry.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One image to build.
 *
 * @param label what to call it in progress and errors, e.g. the service name
 * @param context the build context folder
 * @param dockerfile the Dockerfile text (ferry's plan or the user's file); the builder keeps it out of the context
 * @param tags the tags to give the image, at least one
 * @param pull whether base images may be pulled
 * @param noCache build every layer afresh, ignoring the engine's layer cache
 */
public record BuildRequest(String label, Path context, String dockerfile, List<String> tags, PullPolicy pull,
                           boolean noCache) {

    public BuildRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        tags = List.copyOf(tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one tag");
        }
        Objects.requireNonNull(pull, "pull");
    }
}

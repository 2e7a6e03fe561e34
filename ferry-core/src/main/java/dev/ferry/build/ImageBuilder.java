package dev.ferry.build;

import dev.ferry.event.EventSink;

/**
 * Builds an OCI image with a container engine. Behind an interface so that plans and workflows are tested without
 * an engine; {@link dev.ferry.build.engine.CliImageBuilder} drives the podman or docker command line.
 */
public interface ImageBuilder {

    /**
     * Builds {@code request}, reporting progress to {@code events}.
     *
     * @throws dev.ferry.FerryException FAILED when the build fails (with the failing step and the output's tail),
     *     ENVIRONMENT when the engine cannot be used
     */
    BuiltImage build(BuildRequest request, EventSink events);
}

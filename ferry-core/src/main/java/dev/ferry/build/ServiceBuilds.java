package dev.ferry.build;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The build workflow over a compose file: plan a service, eject its plan, build services. What `ferry build` calls;
 * the building block of `compose up`.
 */
public final class ServiceBuilds {

    private final BuildPlanner planner;
    private final Supplier<ImageBuilder> builder;

    /** @param builder supplies the engine builder only when a build is asked for, so planning needs no engine */
    public ServiceBuilds(BuildPlanner planner, Supplier<ImageBuilder> builder) {
        this.planner = planner;
        this.builder = builder;
    }

    /** ferry's plan for {@code service}; bad input when the service builds from its own Dockerfile. */
    public ServiceBuildPlan plan(Path composeFile, String service) {
        BuildTarget target = ComposeBuildTargets.find(composeFile, service);
        target.userDockerfile().ifPresent(dockerfile -> {
            throw FerryException.badInput("service \"" + service + "\" builds from its own Dockerfile "
                    + dockerfile + "; ferry has no plan for it", "edit that Dockerfile, or remove it to let ferry plan");
        });
        return planner.plan(service, SourceTree.of(target.context()));
    }

    /**
     * Writes the plan's Dockerfile into the service's build context, after which the service builds from it as the
     * user's own. Never replaces a file unless {@code force}.
     *
     * @return the file written
     */
    public Path eject(Path composeFile, String service, boolean force) {
        BuildTarget target = ComposeBuildTargets.find(composeFile, service);
        Path dockerfile = target.context().resolve("Dockerfile");
        if (target.userDockerfile().isPresent() && !force) {
            throw FerryException.badInput(target.userDockerfile().get() + " already exists",
                    "the service already builds from it; run again with --force to replace it with ferry's plan");
        }
        ServiceBuildPlan plan = planner.plan(service, SourceTree.of(target.context()));
        AtomicFiles.write(dockerfile, plan.dockerfile(), force);
        return dockerfile;
    }

    /**
     * Builds {@code services} (all services with build: when empty). Services sharing a build context and
     * Dockerfile get one image with each service's tag, as one Heroku slug serves every process type.
     */
    public List<BuiltImage> build(Path composeFile, List<String> services, PullPolicy pull, EventSink events) {
        return build(composeFile, services, pull, false, events);
    }

    /** As {@link #build(Path, List, PullPolicy, EventSink)}; {@code noCache} rebuilds every layer. */
    public List<BuiltImage> build(Path composeFile, List<String> services, PullPolicy pull, boolean noCache,
                                  EventSink events) {
        List<BuildTarget> all = ComposeBuildTargets.read(composeFile);
        List<BuildTarget> chosen = services.isEmpty() ? all
                : services.stream().map(s -> ComposeBuildTargets.find(composeFile, s)).toList();
        if (chosen.isEmpty()) {
            throw FerryException.badInput(composeFile.toString(), 0, "no service has build:",
                    "nothing to build; services with image: only are pulled by the engine");
        }
        Map<List<Object>, List<BuildTarget>> byImage = new LinkedHashMap<>();
        chosen.forEach(t -> byImage.computeIfAbsent(t.imageKey(), k -> new ArrayList<>()).add(t));
        ImageBuilder engine = builder.get();
        List<BuiltImage> built = new ArrayList<>();
        for (List<BuildTarget> group : byImage.values()) {
            BuildTarget first = group.get(0);
            String dockerfile = first.userDockerfile().map(ServiceBuilds::read).orElseGet(() -> {
                ServiceBuildPlan plan = planner.plan(first.service(), SourceTree.of(first.context()));
                events.emit(new FerryEvent.Step("Planned " + first.service() + ": " + plan.language().id() + " "
                        + plan.version().version() + " (" + plan.version().source() + ")"));
                return plan.dockerfile();
            });
            List<String> tags = group.stream().map(BuildTarget::image).distinct().toList();
            String label = String.join(",", group.stream().map(BuildTarget::service).toList());
            built.add(engine.build(new BuildRequest(label, first.context(), dockerfile, tags, pull, noCache), events));
        }
        return built;
    }

    private static String read(Path dockerfile) {
        try {
            return Files.readString(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dockerfile, e);
        }
    }
}

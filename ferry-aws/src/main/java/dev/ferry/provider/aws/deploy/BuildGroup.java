package dev.ferry.provider.aws.deploy;

import dev.ferry.FerryException;
import dev.ferry.build.BuildPlanner;
import dev.ferry.build.BuildTarget;
import dev.ferry.build.ComposeBuildTargets;
import dev.ferry.build.ServiceBuildPlan;
import dev.ferry.build.SourceTree;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Services built from one context with one Dockerfile: one image serves them all, as one Heroku slug serves every
 * process type. The image is named after the first of them.
 *
 * @param services the compose services, in file order
 * @param context the build context folder
 * @param dockerfile the Dockerfile text: the user's, else ferry's plan
 */
public record BuildGroup(List<String> services, Path context, String dockerfile) {

    public BuildGroup {
        services = List.copyOf(services);
    }

    /** The service the image is named after. */
    public String first() {
        return services.get(0);
    }

    /** The groups of the project's active services with build:, in file order. */
    public static List<BuildGroup> of(LoadedCompose compose, EventSink events) {
        Set<String> active = compose.project().services().stream().filter(s -> s.build() != null)
                .map(ComposeService::name).collect(Collectors.toSet());
        if (active.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, List<BuildTarget>> byImage = new LinkedHashMap<>();
        ComposeBuildTargets.read(compose.file()).stream().filter(t -> active.contains(t.service()))
                .forEach(t -> byImage.computeIfAbsent(t.imageKey(), k -> new ArrayList<>()).add(t));
        List<BuildGroup> groups = new ArrayList<>();
        for (List<BuildTarget> targets : byImage.values()) {
            BuildTarget first = targets.get(0);
            String dockerfile = first.userDockerfile().map(BuildGroup::read).orElseGet(() -> {
                ServiceBuildPlan plan = new BuildPlanner().plan(first.service(), SourceTree.of(first.context()));
                events.emit(new FerryEvent.Detail("planned " + first.service() + ": " + plan.language().id() + " "
                        + plan.version().version() + " (" + plan.version().source() + ")"));
                return plan.dockerfile();
            });
            groups.add(new BuildGroup(targets.stream().map(BuildTarget::service).toList(), first.context(),
                    dockerfile));
        }
        return groups;
    }

    private static String read(Path dockerfile) {
        try {
            return Files.readString(dockerfile);
        } catch (IOException e) {
            throw FerryException.failed("could not read " + dockerfile, "check the file's permissions",
                    new UncheckedIOException(e));
        }
    }
}

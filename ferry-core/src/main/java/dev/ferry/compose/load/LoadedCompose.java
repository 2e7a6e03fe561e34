package dev.ferry.compose.load;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A compose file after loading: interpolated, validated, filtered by profile, read into ferry's model.
 *
 * @param file the compose file, absolute
 * @param projectName the project's name: {@code name:}, else the folder's, lower-cased as Compose does
 * @param project the services of the active profiles, as Compose text (a literal $ is $$; a deferred variable is
 *     still ${NAME})
 * @param tree the interpolated document with its lines, for checks that need the place
 * @param deferred the names the target's config store supplies: bare environment entries and ${NAME} references
 *     kept for deploy time
 * @param findings ferry's checks and the loader's warnings, in file order
 */
public record LoadedCompose(Path file, String projectName, ComposeProject project, YamlTree tree,
                            Set<String> deferred, List<Finding> findings) {

    public LoadedCompose {
        deferred = Set.copyOf(deferred);
        findings = List.copyOf(findings);
    }

    /** The folder relative paths (build contexts, bind mounts, env files) are resolved against. */
    public Path projectDir() {
        return file.getParent();
    }

    /** The names every active service needs from the config store, sorted. */
    public java.util.SortedSet<String> neededConfig() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        project.services().forEach(s -> s.environment().forEach(e -> {
            if (e.isBare()) {
                names.add(e.name());
            } else {
                deferred.stream().filter(d -> references(e.value(), d)).forEach(names::add);
            }
        }));
        return names;
    }

    /** Where a service needs a config value: the service and the line of its environment entry. */
    public record ConfigUse(String service, int line) {}

    /**
     * The first place (services in file order) that needs config value {@code name}: its bare entry, or the entry
     * whose value refers to it; empty when no active service needs it.
     */
    public java.util.Optional<ConfigUse> firstUse(String name) {
        for (var service : project.services()) {
            for (var entry : service.environment()) {
                boolean needs = entry.isBare() ? entry.name().equals(name)
                        : deferred.contains(name) && references(entry.value(), name);
                if (needs) {
                    return java.util.Optional.of(new ConfigUse(service.name(),
                            tree.lineOf(List.of("services", service.name(), "environment", entry.name()))));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether Compose text refers to variable {@code name} as ${NAME}, ${NAME:-...} or ${NAME-...}. */
    public static boolean references(String text, String name) {
        return text.contains("${" + name + "}") || text.contains("${" + name + ":") || text.contains("${" + name + "-");
    }
}

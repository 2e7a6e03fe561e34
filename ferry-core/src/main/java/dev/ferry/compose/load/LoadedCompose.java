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

    /** Whether Compose text refers to variable {@code name} as ${NAME}, ${NAME:-...} or ${NAME-...}. */
    public static boolean references(String text, String name) {
        return text.contains("${" + name + "}") || text.contains("${" + name + ":") || text.contains("${" + name + "-");
    }
}

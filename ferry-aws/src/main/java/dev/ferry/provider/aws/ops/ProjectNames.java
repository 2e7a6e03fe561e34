package dev.ferry.provider.aws.ops;

import dev.ferry.compose.load.ComposeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The compose project name of a folder, for the commands that get a folder rather than a loaded file (the config
 * store): the top-level {@code name:} of its compose file, else the folder's name, by Compose's rule
 * ({@link ComposeLoader#projectName}). Only {@code name:} is read, so a file that does not load yet (a missing
 * value) still names its project.
 */
public final class ProjectNames {

    /** Compose's default file names, in the order Compose looks for them. */
    static final List<String> FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    private ProjectNames() {
    }

    public static String of(Path projectDir) {
        for (String candidate : FILES) {
            Path file = projectDir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return ComposeLoader.projectName(declaredName(file), file);
            }
        }
        return ComposeLoader.projectName(null, projectDir.resolve(FILES.get(0)));
    }

    private static String declaredName(Path file) {
        try {
            Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return document instanceof Map<?, ?> map && map.get("name") instanceof String name && !name.contains("$")
                    ? name : null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.getFileName(), e);
        } catch (YamlEngineException e) {
            return null; // the loader reports the YAML error with its line when the file is used
        }
    }
}

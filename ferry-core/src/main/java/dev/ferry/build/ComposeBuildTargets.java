package dev.ferry.build;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads just enough of a compose file to know what to build: each service's {@code build:} (a context string or
 * {context, dockerfile}) and {@code image:}. Everything else in the file is the compose package's business.
 */
public final class ComposeBuildTargets {

    private ComposeBuildTargets() {
    }

    /** The services with {@code build:}, in file order. */
    public static List<BuildTarget> read(Path composeFile) {
        Path file = composeFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw FerryException.badInput(composeFile.toString(), 0, "no such compose file",
                    "run `ferry init` to write one, or pass its path with -f");
        }
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder().setLabel(composeFile.toString()).build())
                    .loadFromString(Files.readString(file));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw FerryException.badInput(composeFile.toString(), line, "not valid YAML: " + e.getProblem(),
                    "fix the file, then run ferry again");
        } catch (YamlEngineException e) {
            throw FerryException.badInput(composeFile.toString(), 0, "not valid YAML: " + e.getMessage(),
                    "fix the file, then run ferry again");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + composeFile, e);
        }
        if (!(yaml instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            throw FerryException.badInput(composeFile.toString(), 0, "no services: section",
                    "a compose file lists its services under services:");
        }
        String project = projectName(root.get("name"), file);
        Path dir = file.getParent();
        List<BuildTarget> targets = new ArrayList<>();
        for (Map.Entry<?, ?> entry : services.entrySet()) {
            String service = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> body && body.get("build") != null) {
                targets.add(target(composeFile, dir, project, service, body));
            }
        }
        return targets;
    }

    /** The target for {@code service}; bad input naming the buildable services when it has no build:. */
    public static BuildTarget find(Path composeFile, String service) {
        List<BuildTarget> targets = read(composeFile);
        return targets.stream().filter(t -> t.service().equals(service)).findFirst().orElseThrow(() ->
                FerryException.badInput(composeFile.toString(), 0, "no service \"" + service + "\" with build:",
                        targets.isEmpty() ? "no service in the file is built from source"
                                : "services built from source: " + String.join(", ",
                                        targets.stream().map(BuildTarget::service).toList())));
    }

    private static BuildTarget target(Path composeFile, Path dir, String project, String service, Map<?, ?> body) {
        Object build = body.get("build");
        String context = ".";
        String dockerfile = null;
        if (build instanceof String s) {
            context = s;
        } else if (build instanceof Map<?, ?> map) {
            context = map.get("context") == null ? "." : String.valueOf(map.get("context"));
            dockerfile = map.get("dockerfile") == null ? null : String.valueOf(map.get("dockerfile"));
            if (map.get("dockerfile_inline") != null) {
                throw FerryException.badInput(composeFile.toString(), 0, "service \"" + service
                        + "\" uses dockerfile_inline, which ferry does not build", "move it to a Dockerfile file");
            }
        }
        if (context.contains("://") || context.startsWith("git@")) {
            throw FerryException.badInput(composeFile.toString(), 0, "service \"" + service
                    + "\" builds from a remote context (" + context + ")", "clone it and point build: at the folder");
        }
        Path contextDir = dir.resolve(context).normalize();
        if (!Files.isDirectory(contextDir)) {
            throw FerryException.badInput(composeFile.toString(), 0, "service \"" + service
                    + "\": build context " + context + " is not a folder", "fix build: for the service");
        }
        Optional<Path> userDockerfile = dockerfile != null ? Optional.of(contextDir.resolve(dockerfile).normalize())
                : Optional.of(contextDir.resolve("Dockerfile")).filter(Files::isRegularFile);
        if (userDockerfile.isPresent() && !Files.isRegularFile(userDockerfile.get())) {
            throw FerryException.badInput(composeFile.toString(), 0, "service \"" + service + "\" names dockerfile "
                    + dockerfile + ", which is not in " + contextDir, "fix build.dockerfile, or remove it to let ferry plan");
        }
        String image = body.get("image") != null ? String.valueOf(body.get("image")) : project + "-" + service;
        return new BuildTarget(service, contextDir, userDockerfile, image);
    }

    /** Compose's project name: name:, else the folder's name, lower-cased to what compose accepts. */
    private static String projectName(Object name, Path file) {
        String raw = name != null ? String.valueOf(name) : String.valueOf(file.getParent().getFileName());
        String cleaned = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return cleaned.isEmpty() ? "ferry" : cleaned;
    }
}

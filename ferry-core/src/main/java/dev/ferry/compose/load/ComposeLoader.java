package dev.ferry.compose.load;

import dev.ferry.FerryException;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeProject;
import dev.ferry.compose.ComposeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads any compose file the way Compose does, then applies ferry's checks: parse (with lines), interpolate
 * (environment, then .env beside the file), validate against the Compose Specification, keep the services of the
 * active profiles, read them into {@link ComposeProject}. Every problem in the file is bad input naming the file
 * and the line.
 */
public final class ComposeLoader {

    private ComposeLoader() {
    }

    /** @param label how to name the file in messages (as the user gave it) */
    public static LoadedCompose load(Path file, String label, LoadOptions options) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw FerryException.badInput(label, 0, "no such compose file",
                    "run `ferry init` to write one, or pass its path with -f");
        }
        String text;
        try {
            text = Files.readString(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + label, e);
        }
        Node document = YamlTree.compose(label, text);
        Set<String> deferred = new TreeSet<>(options.storeNames());
        deferred.addAll(bareEnvironmentNames(document));
        Map<String, String> dotEnv = DotEnv.read(absolute.getParent().resolve(".env"));
        Set<String> unset = new TreeSet<>();
        Interpolation interpolation = new Interpolation(name -> Optional.ofNullable(options.environment().get(name))
                .or(() -> Optional.ofNullable(dotEnv.get(name))), deferred, unset);
        YamlTree tree = YamlTree.of(label, document, interpolation);
        ComposeSchema.check(label, tree);

        Map<?, ?> services = tree.root().get("services") instanceof Map<?, ?> m ? m : Map.of();
        if (services.isEmpty()) {
            throw FerryException.badInput(label, tree.lineOf(List.of("services")), "no services",
                    "a compose file lists its services under services:");
        }
        Set<String> active = activeServices(label, tree, services, profiles(options));
        ServiceReader reader = new ServiceReader(label, absolute.getParent(), tree);
        List<ComposeService> read = new ArrayList<>();
        for (Map.Entry<?, ?> entry : services.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (active.contains(name)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = entry.getValue() instanceof Map<?, ?> b ? (Map<String, Object>) b : Map.of();
                read.add(reader.read(name, body));
            }
        }
        List<String> volumes = tree.root().get("volumes") instanceof Map<?, ?> v
                ? v.keySet().stream().map(String::valueOf).sorted().toList() : List.of();
        String name = tree.root().get("name") == null ? null : String.valueOf(tree.root().get("name"));
        ComposeProject project = new ComposeProject(name, List.of(), read, volumes);

        List<Finding> findings = new ArrayList<>();
        unset.forEach(variable -> findings.add(Finding.warning("variable-unset", "variable " + variable + " (" + label + ")",
                "is not set in the environment or .env; an empty string is used")));
        findings.addAll(ComposeChecks.check(label, project, tree, options.supportedKeys()));
        return new LoadedCompose(absolute, projectName(name, absolute), project, tree, deferred, findings);
    }

    /** Compose's project name: name:, else the folder's name, lower-cased to the characters Compose accepts. */
    public static String projectName(String name, Path file) {
        String raw = name != null ? name : String.valueOf(file.getParent().getFileName());
        String cleaned = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return cleaned.isEmpty() ? "ferry" : cleaned;
    }

    private static List<String> profiles(LoadOptions options) {
        if (!options.profiles().isEmpty()) {
            return options.profiles();
        }
        String fromEnv = options.environment().getOrDefault("COMPOSE_PROFILES", "");
        return Arrays.stream(fromEnv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Services without profiles, plus those in an active profile ("*" activates all); their dependencies must be active too. */
    private static Set<String> activeServices(String label, YamlTree tree, Map<?, ?> services, List<String> profiles) {
        Set<String> active = new LinkedHashSet<>();
        services.forEach((name, body) -> {
            Object declared = body instanceof Map<?, ?> b ? b.get("profiles") : null;
            if (!(declared instanceof List<?> list) || list.isEmpty() || profiles.contains("*")
                    || list.stream().map(String::valueOf).anyMatch(profiles::contains)) {
                active.add(String.valueOf(name));
            }
        });
        for (String name : active) {
            Object body = services.get(name);
            Object deps = body instanceof Map<?, ?> b ? b.get("depends_on") : null;
            Iterable<?> targets = deps instanceof Map<?, ?> map ? map.keySet() : deps instanceof List<?> list ? list : List.of();
            for (Object target : targets) {
                String dep = String.valueOf(target);
                int line = tree.lineOf(List.of("services", name, "depends_on"));
                if (!services.containsKey(dep)) {
                    throw FerryException.badInput(label, line, "service " + name + " depends on " + dep
                            + ", which is not a service in the file", "fix the name under depends_on");
                }
                if (!active.contains(dep)) {
                    throw FerryException.badInput(label, line, "service " + name + " depends on " + dep
                            + ", which is not in the active profiles", "add its profile with --profile");
                }
            }
        }
        return active;
    }

    /** Names of bare environment entries anywhere in the file (NAME: in a map, NAME in a list), before interpolation. */
    private static Set<String> bareEnvironmentNames(Node document) {
        Set<String> names = new HashSet<>();
        Node services = child(document, "services");
        if (!(services instanceof MappingNode all)) {
            return names;
        }
        for (NodeTuple service : all.getValue()) {
            Node env = child(service.getValueNode(), "environment");
            if (env instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getValueNode() instanceof ScalarNode v && Tag.NULL.equals(v.getTag())
                            && t.getKeyNode() instanceof ScalarNode k) {
                        names.add(k.getValue());
                    }
                }
            } else if (env instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    if (item instanceof ScalarNode s && !s.getValue().contains("=")) {
                        names.add(s.getValue().strip());
                    }
                }
            }
        }
        return names;
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }
}

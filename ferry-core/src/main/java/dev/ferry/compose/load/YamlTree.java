package dev.ferry.compose.load;

import dev.ferry.FerryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A compose file as plain Java values (maps, lists, strings, numbers, booleans, null) with interpolation applied to
 * every scalar value, plus the line each value came from, so that any later complaint can name the place. Paths are
 * lists of map keys (String) and list indexes (Integer) from the root.
 *
 * @param root the document's top-level mapping
 * @param lines the 1-based line of each path
 * @param interpolated the paths of scalars that held a variable reference (not literal text in the file)
 */
public record YamlTree(Map<String, Object> root, Map<List<Object>, Integer> lines, Set<List<Object>> interpolated) {

    /** The line of {@code path}, or of its nearest ancestor that has one; 0 when none. */
    public int lineOf(List<Object> path) {
        for (List<Object> p = path; ; p = p.subList(0, p.size() - 1)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    /** Parses {@code text}; YAML errors become bad input naming {@code label} and the line. */
    public static Node compose(String label, String text) {
        try {
            Optional<Node> node = new Compose(LoadSettings.builder().setLabel(label).build()).composeString(text);
            if (node.isEmpty()) {
                throw FerryException.badInput(label, 0, "the file is empty", "a compose file lists its services under services:");
            }
            return node.get();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw FerryException.badInput(label, line, "not valid YAML: " + e.getProblem(),
                    "fix the YAML syntax (indentation, quotes, a missing ':')");
        } catch (YamlEngineException e) {
            throw FerryException.badInput(label, 0, "not valid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
    }

    /** Converts {@code document} to values, interpolating every scalar value (never a key) with {@code interpolation}. */
    @SuppressWarnings("unchecked")
    public static YamlTree of(String label, Node document, Interpolation interpolation) {
        Converter converter = new Converter(label, interpolation);
        Object root = converter.convert(document, new ArrayList<>());
        if (!(root instanceof Map<?, ?>)) {
            throw FerryException.badInput(label, line(document), "the top level is not a mapping",
                    "a compose file is a mapping with services: at the top");
        }
        return new YamlTree((Map<String, Object>) root, Collections.unmodifiableMap(converter.lines),
                Collections.unmodifiableSet(converter.interpolated));
    }

    static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    /** One conversion: keeps the line map and the interpolated paths as it goes. */
    private static final class Converter {
        private final String label;
        private final Interpolation interpolation;
        private final Map<List<Object>, Integer> lines = new HashMap<>();
        private final Set<List<Object>> interpolated = new HashSet<>();

        Converter(String label, Interpolation interpolation) {
            this.label = label;
            this.interpolation = interpolation;
        }

        Object convert(Node node, List<Object> path) {
            lines.put(List.copyOf(path), line(node));
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, path);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    path.add(list.size());
                    list.add(convert(item, path));
                    path.remove(path.size() - 1);
                }
                return list;
            }
            return scalar((ScalarNode) node, path);
        }

        private Map<String, Object> mapping(MappingNode mapping, List<Object> path) {
            Map<String, Object> map = new LinkedHashMap<>();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(line(tuple.getKeyNode()));
                if ("<<".equals(key)) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                if (map.containsKey(key)) {
                    throw FerryException.badInput(label, line(tuple.getKeyNode()), "the key \"" + key
                            + "\" appears twice in the same mapping", "keep one of them");
                }
                path.add(key);
                map.put(key, convert(tuple.getValueNode(), path));
                lines.put(List.copyOf(path), line(tuple.getKeyNode())); // the key's line: where a reader looks
                path.remove(path.size() - 1);
            }
            // YAML merge keys (<<: *defaults), common in compose files: explicit keys win over merged ones
            for (Node merge : merges) {
                List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
                for (Node source : sources) {
                    if (!(source instanceof MappingNode)) {
                        throw FerryException.badInput(label, line(source), "<< merges a value that is not a mapping",
                                "merge a mapping anchor, e.g. <<: *defaults");
                    }
                    Map<String, Object> merged = mapping((MappingNode) source, path);
                    merged.forEach(map::putIfAbsent);
                }
            }
            return map;
        }

        private Object scalar(ScalarNode node, List<Object> path) {
            String text = node.getValue();
            Tag tag = node.getTag();
            if (node.isPlain()) {
                if (Tag.NULL.equals(tag)) {
                    return null;
                }
                if (Tag.BOOL.equals(tag)) {
                    return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
                }
                if (Tag.INT.equals(tag)) {
                    try {
                        return Long.valueOf(text);
                    } catch (NumberFormatException e) {
                        return text;
                    }
                }
                if (Tag.FLOAT.equals(tag)) {
                    try {
                        return Double.valueOf(text);
                    } catch (NumberFormatException e) {
                        return text;
                    }
                }
            }
            if (!Interpolation.mentionsVariables(text)) {
                return text;
            }
            String result;
            try {
                result = interpolation.apply(text);
            } catch (Interpolation.Failure e) {
                throw FerryException.badInput(label, line(node), e.getMessage(),
                        "set the variable in the environment or in .env beside the compose file");
            }
            if (text.replaceAll("\\$\\$", "").contains("$")) {
                interpolated.add(List.copyOf(path));
            }
            return result;
        }
    }
}

package dev.ferry.source;

import dev.ferry.FerryException;
import dev.ferry.source.ManifestNode.Kind;
import dev.ferry.source.ManifestNode.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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
 * Parses YAML into {@link ManifestNode}s through snakeyaml-engine's node graph, whose marks give every value its
 * line. Scalars keep the kind YAML 1.2's core schema resolves (so {@code 1} is a number, {@code yes} a string).
 */
final class YamlManifest {

    /** Deeper than any real manifest; it also stops an alias that refers to its own parent. */
    private static final int MAX_DEPTH = 64;

    private YamlManifest() {
    }

    static ManifestNode parse(String yaml, Source source) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(source.file()).build()).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            // the problem text describes the syntax only; the snippet of the document is left out on purpose
            int line = e.getProblemMark().or(e::getContextMark).map(YamlManifest::lineOf).orElse(0);
            throw FerryException.badInput(source.file(), line, "not valid YAML: " + describe(e),
                    "fix the YAML on that line (indentation or a missing ':' is the usual cause)");
        } catch (YamlEngineException e) {
            throw FerryException.badInput(source.file(), 0, "not valid YAML: " + e.getMessage(),
                    "fix the YAML syntax");
        }
        if (root.isEmpty()) {
            throw FerryException.badInput(source.file(), 0, "the file is empty",
                    "describe the app's build and run sections, or delete the file");
        }
        return convert(root.get(), source, "", 0);
    }

    /** "could not find expected ':' (while scanning a simple key, line 3)": the problem, then where it began. */
    private static String describe(MarkedYamlEngineException e) {
        String began = e.getContext() == null ? "" : " (" + e.getContext()
                + e.getContextMark().map(mark -> ", line " + lineOf(mark)).orElse("") + ")";
        return e.getProblem() + began;
    }

    private static ManifestNode convert(Node node, Source source, String path, int depth) {
        int line = lineOf(node);
        if (depth > MAX_DEPTH || node.isRecursive()) {
            throw FerryException.badInput(source.file(), line, "the value is nested too deeply or contains itself",
                    "write the value out without recursive aliases");
        }
        if (node instanceof MappingNode mapping) {
            LinkedHashMap<String, ManifestNode> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw FerryException.badInput(source.file(), lineOf(tuple.getKeyNode()),
                            "a key is a list or a mapping, not a name", "use plain names as keys");
                }
                String child = ManifestNode.childPath(path, key.getValue());
                fields.put(key.getValue(), convert(tuple.getValueNode(), source, child, depth + 1));
            }
            return ManifestNode.object(source, path, line, fields);
        }
        if (node instanceof SequenceNode sequence) {
            List<ManifestNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, source, ManifestNode.itemPath(path, items.size()), depth + 1));
            }
            return ManifestNode.list(source, path, line, items);
        }
        ScalarNode scalar = (ScalarNode) node;
        Kind kind = kindOf(scalar.getTag());
        return ManifestNode.scalar(source, path, line, kind, kind == Kind.NULL ? null : scalar.getValue());
    }

    private static Kind kindOf(Tag tag) {
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return Kind.NUMBER;
        }
        if (Tag.BOOL.equals(tag)) {
            return Kind.BOOLEAN;
        }
        return Tag.NULL.equals(tag) ? Kind.NULL : Kind.STRING;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(YamlManifest::lineOf).orElse(0);
    }

    /** snakeyaml counts lines from 0; people and editors count from 1. */
    private static int lineOf(Mark mark) {
        return mark.getLine() + 1;
    }
}

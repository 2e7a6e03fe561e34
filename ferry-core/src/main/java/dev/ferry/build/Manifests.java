package dev.ferry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ferry.FerryException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Small readers for the manifest files the recipes look into. */
final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    /** The JSON file's tree, a missing node when absent; bad JSON is bad input naming the file and line. */
    static JsonNode json(SourceTree tree, String path) {
        Optional<String> text = tree.read(path);
        if (text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(text.get());
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw FerryException.badInput(tree.location().resolve(path).toString(), line,
                    "not valid JSON: " + e.getOriginalMessage(), "fix the file, then run ferry again");
        }
    }

    /** The first line of a one-value file such as .nvmrc or .python-version, trimmed; empty when absent/blank. */
    static Optional<String> firstLine(SourceTree tree, String path) {
        return tree.read(path).flatMap(text -> text.lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst());
    }

    /** The value of {@code key=value} in a properties-style file such as system.properties. */
    static Optional<String> property(SourceTree tree, String path, String key) {
        return tree.read(path).flatMap(text -> text.lines().map(String::trim)
                .filter(l -> l.startsWith(key + "=") || l.startsWith(key + " ") || l.startsWith(key + ":"))
                .map(l -> l.substring(key.length()).replaceFirst("^\\s*[=:]\\s*", "").trim())
                .findFirst());
    }

    /** Whether any of the files mentions {@code word} (case-insensitive), e.g. a dependency name. */
    static boolean mentions(SourceTree tree, String word, String... paths) {
        String needle = word.toLowerCase(Locale.ROOT);
        return Stream.of(paths).map(tree::read).flatMap(Optional::stream)
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Those of {@code paths} that exist, in the given order. */
    static List<String> existing(SourceTree tree, String... paths) {
        return Stream.of(paths).filter(tree::exists).toList();
    }
}

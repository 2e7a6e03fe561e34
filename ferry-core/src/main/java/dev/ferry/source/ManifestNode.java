package dev.ferry.source;

import dev.ferry.FerryException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed manifest (app.json or heroku.yml) that remembers its file, path and line. Both readers
 * check shapes through it, so a wrong type reads the same in either file: {@code app.json:4: "env" must be an
 * object, not a number}. Scalars keep their text only; the readers decide what a value means.
 */
final class ManifestNode {

    /** The JSON/YAML value kinds, with the words used in messages. */
    enum Kind {
        OBJECT("an object"), LIST("a list"), STRING("a string"), NUMBER("a number"), BOOLEAN("true or false"),
        NULL("null");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** The file a node came from and where its format is documented (the fix offered for a wrong shape). */
    record Source(String file, String reference) {}

    private final Source source;
    private final String path;
    private final int line;
    private final Kind kind;
    private final String text;
    private final Map<String, ManifestNode> fields;
    private final List<ManifestNode> items;

    private ManifestNode(Source source, String path, int line, Kind kind, String text,
                         Map<String, ManifestNode> fields, List<ManifestNode> items) {
        this.source = source;
        this.path = path;
        this.line = line;
        this.kind = kind;
        this.text = text;
        this.fields = fields;
        this.items = items;
    }

    static ManifestNode scalar(Source source, String path, int line, Kind kind, String text) {
        return new ManifestNode(source, path, line, kind, text, null, null);
    }

    /** {@code fields} keeps the document's order; a key repeated in the document keeps its last value. */
    static ManifestNode object(Source source, String path, int line, LinkedHashMap<String, ManifestNode> fields) {
        return new ManifestNode(source, path, line, Kind.OBJECT, null, Collections.unmodifiableMap(fields), null);
    }

    static ManifestNode list(Source source, String path, int line, List<ManifestNode> items) {
        return new ManifestNode(source, path, line, Kind.LIST, null, null, List.copyOf(items));
    }

    /** The path of a child under {@code parent}: {@code env.SECRET_KEY}, {@code addons[2]}. */
    static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String itemPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    Kind kind() {
        return kind;
    }

    boolean isScalar() {
        return fields == null && items == null;
    }

    /** A field of this object, or null when it is absent or null (Heroku treats both as "not given"). */
    ManifestNode field(String key) {
        ManifestNode child = fields().get(key);
        return child == null || child.kind == Kind.NULL ? null : child;
    }

    /** A field that must be there. */
    ManifestNode require(String key) {
        ManifestNode value = field(key);
        if (value == null) {
            throw invalid("has no \"" + key + "\"");
        }
        return value;
    }

    /** The text of a field, or null when it is absent or null. */
    String textOf(String key) {
        ManifestNode value = field(key);
        return value == null ? null : value.text();
    }

    /** The value at a path of keys below this object, or null when any step is absent or null. */
    ManifestNode at(String... keys) {
        ManifestNode node = this;
        for (String key : keys) {
            node = node.field(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    Map<String, ManifestNode> fields() {
        if (kind != Kind.OBJECT) {
            throw wrongShape(Kind.OBJECT.words);
        }
        return fields;
    }

    List<ManifestNode> items() {
        if (kind != Kind.LIST) {
            throw wrongShape(Kind.LIST.words);
        }
        return items;
    }

    /** A scalar's text. Leniently, as Heroku does, a number or boolean stands for its own text. */
    String text() {
        if (!isScalar() || kind == Kind.NULL) {
            throw wrongShape(Kind.STRING.words);
        }
        return text;
    }

    boolean bool() {
        if (kind != Kind.BOOLEAN) {
            throw wrongShape(Kind.BOOLEAN.words);
        }
        return Boolean.parseBoolean(text);
    }

    int wholeNumber() {
        if (kind != Kind.NUMBER) {
            throw wrongShape("a whole number");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid("must be a whole number, not " + text); // a fraction, an exponent or out of range
        }
    }

    FerryException wrongShape(String expected) {
        return invalid("must be " + expected + ", not " + kind.words);
    }

    /** A problem with this value: {@code file:line: "path" problem}, with the format's reference as the fix. */
    FerryException invalid(String problem) {
        String subject = path.isEmpty() ? "the document" : "\"" + path + "\"";
        return FerryException.badInput(source.file(), line, subject + " " + problem, "see " + source.reference());
    }
}

package dev.ferry.source;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.FerryException;
import dev.ferry.source.ManifestNode.Kind;
import dev.ferry.source.ManifestNode.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses JSON into {@link ManifestNode}s with Jackson's streaming parser, which (unlike a Jackson tree) knows the
 * line of every value, so a wrong type can be reported where it is.
 */
final class JsonManifest {

    /** Syntax errors never quote the document: a broken app.json may hold a credential on the broken line. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(0).maxRawContentLength(0).build())
            .build();

    private JsonManifest() {
    }

    static ManifestNode parse(String json, Source source) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw FerryException.badInput(source.file(), 0, "the file is empty",
                        "write a JSON object such as {\"name\": \"my-app\"}, or delete the file");
            }
            ManifestNode root = read(parser, source, "");
            if (parser.nextToken() != null) {
                throw FerryException.badInput(source.file(), parser.currentTokenLocation().getLineNr(),
                        "not valid JSON: more text follows the end of the top-level value",
                        "keep one JSON object in the file");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw FerryException.badInput(source.file(), line,
                    "not valid JSON: " + withoutSourceReference(e.getOriginalMessage()),
                    "fix the JSON syntax on that line (a missing comma, quote or bracket is the usual cause)");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to be read
        }
    }

    /** Jackson appends "(start marker at [Source: ...; line: 1, column: 1])"; the line is already in front. */
    private static String withoutSourceReference(String message) {
        return message.split("\n")[0].replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
    }

    private static ManifestNode read(JsonParser parser, Source source, String path) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, ManifestNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    fields.put(key, read(parser, source, ManifestNode.childPath(path, key)));
                }
                return ManifestNode.object(source, path, line, fields);
            }
            case START_ARRAY: {
                List<ManifestNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, source, ManifestNode.itemPath(path, items.size())));
                }
                return ManifestNode.list(source, path, line, items);
            }
            case VALUE_STRING:
                return ManifestNode.scalar(source, path, line, Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return ManifestNode.scalar(source, path, line, Kind.NUMBER, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return ManifestNode.scalar(source, path, line, Kind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return ManifestNode.scalar(source, path, line, Kind.NULL, null);
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }
}

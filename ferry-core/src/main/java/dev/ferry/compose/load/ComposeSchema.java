package dev.ferry.compose.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ferry.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a compose tree against the Compose Specification's JSON schema (an unchanged copy of
 * compose-spec/compose-spec schema/compose-spec.json, Apache-2.0, bundled beside this class) and reports the first
 * problem in file order as one line: file, line, where in the file, what is wrong.
 */
public final class ComposeSchema {

    static final String RESOURCE = "compose-spec.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Schema schema;

    private ComposeSchema() {
    }

    /** @throws FerryException BAD_INPUT naming {@code label}, the line and the key when the tree breaks the spec */
    public static void check(String label, YamlTree tree) {
        List<Error> errors = schema().validate(JSON.valueToTree(tree.root()));
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.stream().min(Comparator.comparingInt(e -> tree.lineOf(path(e)))).orElseThrow();
        List<Object> path = path(first);
        String where = path.isEmpty() ? "the top level" : dotted(path);
        throw FerryException.badInput(label, tree.lineOf(path), where + ": " + first.getMessage(),
                "fix it as the Compose Specification says (https://compose-spec.io); a key's spelling is the usual cause");
    }

    /** The instance location, plus the offending property when the error is about one (e.g. an unknown key). */
    private static List<Object> path(Error error) {
        List<Object> path = new ArrayList<>();
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
            path.add(error.getProperty());
        }
        return path;
    }

    private static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(element);
            }
        }
        return out.toString();
    }

    private static Schema schema() {
        if (schema == null) {
            try (InputStream in = ComposeSchema.class.getResourceAsStream(RESOURCE)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                        .getSchema(SchemaLocation.of("classpath:dev/ferry/compose/load/" + RESOURCE), text,
                                InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the bundled Compose schema", e);
            }
        }
        return schema;
    }
}

package dev.ferry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Validation against the published schemas in ../shared, so that fakes and generated files cannot drift from the
 * real formats: the Heroku Platform API hyper-schema and the Compose Specification.
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> HEROKU = new ConcurrentHashMap<>();
    private static volatile Schema compose;
    private static volatile JsonNode herokuDefinitions;

    private Schemas() {
    }

    /**
     * Errors of {@code body} against one resource definition of the Heroku Platform API schema, e.g. "app",
     * "formation", "dyno-size". An array body is checked item by item. Strict: where Heroku marks a schema
     * {@code strictProperties}, a property it does not define is an error, so fixtures cannot invent fields.
     */
    public static List<String> herokuErrors(String definition, JsonNode body) {
        Schema schema = HEROKU.computeIfAbsent(definition, Schemas::herokuSchema);
        List<String> errors = new ArrayList<>();
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                for (Error error : schema.validate(body.get(i))) {
                    errors.add(definition + "[" + i + "] " + describe(error));
                }
            }
        } else {
            for (Error error : schema.validate(body)) {
                errors.add(definition + " " + describe(error));
            }
        }
        return errors;
    }

    /**
     * Errors of a request body against a link's {@code schema} (e.g. PATCH /apps/{app}'s). The link's top level is made
     * strict (no properties it does not name), like the resource definitions with strictProperties: a misspelt field
     * would be ignored by Heroku and so silently do nothing.
     */
    public static List<String> herokuRequestErrors(JsonNode linkSchema, JsonNode body) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("definitions", herokuDefinitions());
        ObjectNode strict = ((ObjectNode) linkSchema).deepCopy();
        if (strict.has("properties") && !strict.has("additionalProperties")) {
            strict.put("additionalProperties", false);
        }
        wrapper.putArray("allOf").add(strict);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(wrapper);
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            errors.add("request " + describe(error));
        }
        return errors;
    }

    /** Whether the Heroku schema defines a resource of this name. */
    public static boolean herokuDefines(String definition) {
        return herokuDefinitions().has(definition);
    }

    /** Errors of a compose file's YAML text against the Compose Specification's JSON schema. */
    public static List<String> composeErrors(String yaml) {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        JsonNode document = JSON.valueToTree(loaded);
        List<String> errors = new ArrayList<>();
        for (Error error : composeSchema().validate(document)) {
            errors.add(describe(error));
        }
        return errors;
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static Schema composeSchema() {
        if (compose == null) {
            String text = read("schemas/compose/compose-spec.json");
            SchemaLocation location = SchemaLocation.of(
                    SharedData.resolve("schemas/compose/compose-spec.json").toUri().toString());
            compose = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(location, text, InputFormat.JSON);
        }
        return compose;
    }

    private static Schema herokuSchema(String definition) {
        if (!herokuDefinitions().has(definition)) {
            throw new IllegalArgumentException("the Heroku schema has no definition " + definition);
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("definitions", herokuDefinitions());
        ArrayNode allOf = wrapper.putArray("allOf");
        allOf.addObject().put("$ref", "#/definitions/" + definition);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(wrapper);
    }

    /** The schema's definitions, made plain draft-04: no hyper-schema $schema/id/links, strict where Heroku says. */
    private static JsonNode herokuDefinitions() {
        if (herokuDefinitions == null) {
            try {
                JsonNode root = JSON.readTree(read("heroku/platform-api-schema.json"));
                ObjectNode definitions = ((ObjectNode) root.get("definitions")).deepCopy();
                for (Iterator<JsonNode> it = definitions.elements(); it.hasNext(); ) {
                    ObjectNode resource = (ObjectNode) it.next();
                    resource.remove(List.of("$schema", "id", "links", "stability", "title"));
                }
                makeStrict(definitions);
                herokuDefinitions = definitions;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return herokuDefinitions;
    }

    private static void makeStrict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("strictProperties").asBoolean(false) && object.has("properties")
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(Schemas::makeStrict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(Schemas::makeStrict);
        }
    }

    private static String read(String relative) {
        try {
            return Files.readString(SharedData.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * CloudFormation's intrinsic functions as JSON nodes, and the one way a template is rendered to text. Templates are
 * built in a fixed insertion order, so the rendered text is stable (golden tests compare it byte for byte).
 */
public final class Cfn {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Cfn() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An array of strings. */
    public static ArrayNode strings(List<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** An array of nodes. */
    public static ArrayNode nodes(JsonNode... values) {
        ArrayNode array = array();
        for (JsonNode value : values) {
            array.add(value);
        }
        return array;
    }

    public static ObjectNode ref(String name) {
        return object().put("Ref", name);
    }

    public static ObjectNode getAtt(String resource, String attribute) {
        ObjectNode node = object();
        node.putArray("Fn::GetAtt").add(resource).add(attribute);
        return node;
    }

    public static ObjectNode sub(String text) {
        return object().put("Fn::Sub", text);
    }

    public static ObjectNode join(String separator, JsonNode... values) {
        ObjectNode node = object();
        node.putArray("Fn::Join").add(separator).add(nodes(values));
        return node;
    }

    /** The name of the {@code index}th availability zone of the stack's region. */
    public static ObjectNode availabilityZone(int index) {
        ObjectNode node = object();
        node.putArray("Fn::Select").add(index).add(object().put("Fn::GetAZs", ""));
        return node;
    }

    public static ObjectNode ifCondition(String condition, JsonNode whenTrue, JsonNode whenFalse) {
        ObjectNode node = object();
        node.putArray("Fn::If").add(condition).add(whenTrue).add(whenFalse);
        return node;
    }

    public static ObjectNode equalsCondition(JsonNode left, String right) {
        ObjectNode node = object();
        node.putArray("Fn::Equals").add(left).add(right);
        return node;
    }

    /** A Fn::Sub text for literal text: ${ would start a reference, so it is written ${! as CloudFormation wants. */
    public static String subLiteral(String text) {
        return text.replace("${", "${!");
    }

    /** A resource entry: {"Type": type, "Properties": {}}; returns the Properties to fill. */
    public static ObjectNode resource(ObjectNode resources, String logicalId, String type) {
        if (resources.has(logicalId)) {
            throw new IllegalStateException("two resources named " + logicalId);
        }
        ObjectNode resource = resources.putObject(logicalId);
        resource.put("Type", type);
        return resource.putObject("Properties");
    }

    /**
     * What CloudFormation does with the resource's data (Delete, Retain, Snapshot) when the stack deletes it and
     * when an update replaces it: always the same policy for both, so that an update never drops what a delete keeps.
     */
    public static void deletionPolicy(ObjectNode resources, String logicalId, String policy) {
        ((ObjectNode) resources.get(logicalId)).put("DeletionPolicy", policy).put("UpdateReplacePolicy", policy);
    }

    /** Key and value tags in CloudFormation's list form. */
    public static ArrayNode tags(String... keyValues) {
        ArrayNode tags = array();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            tags.addObject().put("Key", keyValues[i]).put("Value", keyValues[i + 1]);
        }
        return tags;
    }

    /** The template as pretty-printed JSON ending with a newline. */
    public static String render(JsonNode template) {
        try {
            return JSON.writeValueAsString(template) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template is always serialisable", e);
        }
    }
}

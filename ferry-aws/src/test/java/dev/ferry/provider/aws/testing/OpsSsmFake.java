package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * SSM Parameter Store on a {@link FakeAws}: PutParameter, AddTagsToResource, GetParametersByPath, GetParameter,
 * DeleteParameter and DeleteParameters over an in-memory map, answered in the shapes of the SSM API reference,
 * refusing what SSM refuses (Tags with Overwrite, an existing name without Overwrite, a missing name).
 */
public final class OpsSsmFake {

    private final Map<String, String> values = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentSkipListMap<>();
    private volatile int pageSize = 10;

    private OpsSsmFake() {
    }

    public static OpsSsmFake on(FakeAws aws) {
        OpsSsmFake ssm = new OpsSsmFake();
        aws.on("AmazonSSM.PutParameter", ssm::put)
                .on("AmazonSSM.AddTagsToResource", ssm::tag)
                .on("AmazonSSM.GetParametersByPath", ssm::byPath)
                .on("AmazonSSM.GetParameter", ssm::get)
                .on("AmazonSSM.DeleteParameter", ssm::delete)
                .on("AmazonSSM.DeleteParameters", ssm::deleteMany);
        return ssm;
    }

    /** Answers GetParametersByPath in pages of {@code size} (SSM's MaxResults is at most 10). */
    public OpsSsmFake pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** The stored parameters, by full name (the test's view of the account). */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Map<String, String> tags(String parameter) {
        return tags.getOrDefault(parameter, Map.of());
    }

    public OpsSsmFake preset(String parameter, String value) {
        values.put(parameter, value);
        return this;
    }

    private Response put(Request request) {
        JsonNode body = OpsJson.read(request);
        String name = body.path("Name").asText();
        if (!body.path("Type").asText().equals("SecureString") && !body.path("Type").asText().equals("String")) {
            return Response.jsonError(400, "ValidationException", "Type must be String, StringList or SecureString");
        }
        boolean overwrite = body.path("Overwrite").asBoolean(false);
        if (overwrite && body.has("Tags")) {
            return Response.jsonError(400, "ValidationException", "Tags and Overwrite can't be used together.");
        }
        if (!overwrite && values.containsKey(name)) {
            return Response.jsonError(400, "ParameterAlreadyExists", "The parameter already exists.");
        }
        if (!name.startsWith("/") || body.path("Value").asText().isEmpty()) {
            return Response.jsonError(400, "ValidationException", "invalid Name or empty Value");
        }
        values.put(name, body.path("Value").asText());
        return OpsJson.answer(Map.of("Version", 1, "Tier", "Standard"));
    }

    private Response tag(Request request) {
        JsonNode body = OpsJson.read(request);
        String id = body.path("ResourceId").asText();
        if (!body.path("ResourceType").asText().equals("Parameter") || !values.containsKey(id)) {
            return Response.jsonError(400, "InvalidResourceId", "The resource ID is not valid.");
        }
        Map<String, String> held = tags.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
        body.path("Tags").forEach(t -> held.put(t.path("Key").asText(), t.path("Value").asText()));
        return OpsJson.answer(Map.of());
    }

    private Response byPath(Request request) {
        JsonNode body = OpsJson.read(request);
        String path = body.path("Path").asText();
        String prefix = path.endsWith("/") ? path : path + "/";
        int max = body.path("MaxResults").asInt(10);
        if (max > 10) {
            return Response.jsonError(400, "ValidationException", "MaxResults must be at most 10");
        }
        boolean decrypt = body.path("WithDecryption").asBoolean(false);
        List<String> names = values.keySet().stream()
                .filter(n -> n.startsWith(prefix) && (body.path("Recursive").asBoolean(false)
                        || n.indexOf('/', prefix.length()) < 0))
                .toList();
        int from = body.has("NextToken") ? Integer.parseInt(body.path("NextToken").asText()) : 0;
        int to = Math.min(names.size(), from + Math.min(max, pageSize));
        List<Object> page = new ArrayList<>();
        for (String name : names.subList(from, to)) {
            page.add(parameter(name, decrypt));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Parameters", page);
        if (to < names.size()) {
            answer.put("NextToken", String.valueOf(to));
        }
        return OpsJson.answer(answer);
    }

    private Response get(Request request) {
        JsonNode body = OpsJson.read(request);
        String name = body.path("Name").asText();
        if (!values.containsKey(name)) {
            return Response.jsonError(400, "ParameterNotFound", "Parameter not found");
        }
        return OpsJson.answer(Map.of("Parameter", parameter(name, body.path("WithDecryption").asBoolean(false))));
    }

    private Response delete(Request request) {
        String name = OpsJson.read(request).path("Name").asText();
        if (values.remove(name) == null) {
            return Response.jsonError(400, "ParameterNotFound", "Parameter not found");
        }
        tags.remove(name);
        return OpsJson.answer(Map.of());
    }

    private Response deleteMany(Request request) {
        List<String> deleted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        JsonNode names = OpsJson.read(request).path("Names");
        if (names.size() > 10) {
            return Response.jsonError(400, "ValidationException", "Names must hold at most 10 names");
        }
        names.forEach(n -> (values.remove(n.asText()) != null ? deleted : invalid).add(n.asText()));
        return OpsJson.answer(Map.of("DeletedParameters", deleted, "InvalidParameters", invalid));
    }

    /** A Parameter object; without decryption a SecureString's Value is its ciphertext, as SSM returns it. */
    private Map<String, Object> parameter(String name, boolean decrypt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Name", name);
        p.put("Type", "SecureString");
        p.put("Value", decrypt ? values.get(name)
                : "AQICAHh" + Base64.getEncoder().encodeToString(Integer.toHexString(name.hashCode()).getBytes()));
        p.put("Version", 1);
        p.put("LastModifiedDate", 1.7644E9);
        p.put("ARN", "arn:aws:ssm:us-east-1:123456789012:parameter" + name);
        p.put("DataType", "text");
        return p;
    }
}

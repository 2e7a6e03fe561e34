package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a CloudFormation template the way cfn-lint would, plus ferry's own rules, and returns every problem as a
 * line ("Resources/Vpc/Properties: ..."); an empty list means valid.
 * <ol>
 *   <li>the template against cfn-lint's template, resources, parameters and outputs schemas;</li>
 *   <li>each resource's Properties against its AWS resource provider schema (a type without a schema is an error):
 *       intrinsic functions are first replaced by a placeholder of a scalar type (a pattern, format, enum or length
 *       check at a placeholder is skipped; a placeholder where an object or list is wanted is an error), both
 *       branches of every Fn::If are checked, Ref AWS::NoValue is dropped; read-only properties may not be set;</li>
 *   <li>every Ref, Fn::GetAtt and Fn::Sub ${X} / ${X.Attr} names a parameter, resource or pseudo parameter, and
 *       a GetAtt attribute is one the type's schema marks read-only; every Fn::If names a condition;</li>
 *   <li>DependsOn targets exist and resources do not depend on each other in a circle;</li>
 *   <li>the outputs a caller requires are present;</li>
 *   <li>no forbidden text (a config value, a password) appears anywhere in the template;</li>
 *   <li>every ECS task definition's Cpu/Memory is a Fargate pair (this class's own table, from AWS's docs).</li>
 * </ol>
 */
public final class TemplateValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> SKIPPED_AT_PLACEHOLDER = Set.of("pattern", "format", "enum", "minLength",
            "maxLength", "minimum", "maximum", "const");
    private static final Map<String, Schema> PROVIDERS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> PROVIDER_DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> LINT = new ConcurrentHashMap<>();
    private static final Map<String, Schema> CFN_LINT_PROVIDERS = new ConcurrentHashMap<>();
    private static final Set<String> CFN_LINT_UNUSABLE = ConcurrentHashMap.newKeySet();
    /** Fargate CPU units → valid memory (MiB), from the AWS Fargate task size table. */
    private static final Map<Integer, Set<Integer>> FARGATE = fargateTable();

    /**
     * What a caller expects beyond validity.
     *
     * @param requiredOutputs output keys that must be present
     * @param forbiddenText strings that must appear nowhere in the template (config values, passwords)
     */
    public record Expectations(Set<String> requiredOutputs, Collection<String> forbiddenText) {
        public static Expectations none() {
            return new Expectations(Set.of(), List.of());
        }
    }

    private TemplateValidator() {
    }

    public static List<String> errors(JsonNode template) {
        return errors(template, Expectations.none());
    }

    public static List<String> errors(JsonNode template, Expectations expectations) {
        List<String> errors = new ArrayList<>();
        lint(template, errors);
        JsonNode resources = template.path("Resources");
        Set<String> parameters = names(template.path("Parameters"));
        Set<String> conditions = names(template.path("Conditions"));
        Set<String> resourceIds = names(resources);
        Map<String, Set<String>> edges = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            String type = r.getValue().path("Type").asText();
            Set<String> uses = new LinkedHashSet<>();
            references("Resources/" + r.getKey(), r.getValue(), template, parameters, conditions, uses, errors);
            JsonNode dependsOn = r.getValue().path("DependsOn");
            for (JsonNode d : dependsOn.isArray() ? dependsOn : List.of(dependsOn)) {
                if (d.isMissingNode()) {
                    continue;
                }
                if (!resourceIds.contains(d.asText())) {
                    errors.add("Resources/" + r.getKey() + "/DependsOn: " + d.asText() + " is not a resource");
                }
                uses.add(d.asText());
            }
            uses.retainAll(resourceIds);
            edges.put(r.getKey(), uses);
            properties(r.getKey(), type, r.getValue().path("Properties"), errors);
            if (type.equals("AWS::IAM::Role")) {
                policies(r.getKey(), r.getValue().path("Properties"), errors);
            }
            if (type.equals("AWS::ECS::TaskDefinition")) {
                fargate(r.getKey(), r.getValue().path("Properties"), errors);
            }
        }
        references("Outputs", template.path("Outputs"), template, parameters, conditions, new HashSet<>(), errors);
        cycles(edges, errors);
        for (String key : expectations.requiredOutputs()) {
            if (!template.path("Outputs").has(key)) {
                errors.add("Outputs: " + key + " is missing");
            }
        }
        String text = template.toString();
        for (String forbidden : expectations.forbiddenText()) {
            if (!forbidden.isEmpty() && text.contains(forbidden)) {
                errors.add("the template contains a forbidden value (a config value or secret)");
            }
        }
        return errors;
    }

    // --- 1. cfn-lint's template schemas ---

    private static void lint(JsonNode template, List<String> errors) {
        lintCheck("template/configuration.json", "template", template, errors);
        lintCheck("resources/configuration.json", "Resources", template.path("Resources"), errors);
        if (template.has("Parameters")) {
            lintCheck("parameters/configuration.json", "Parameters", template.path("Parameters"), errors);
        }
        if (template.has("Outputs")) {
            lintCheck("outputs/configuration.json", "Outputs", template.path("Outputs"), errors);
        }
    }

    private static void lintCheck(String file, String where, JsonNode node, List<String> errors) {
        Schema schema = LINT.computeIfAbsent(file, f -> load(SharedData.resolve(
                "schemas/cloudformation/cfn-lint/other/" + f)));
        for (Error e : schema.validate(node)) {
            errors.add(where + " " + e.getInstanceLocation() + ": " + e.getMessage());
        }
    }

    // --- 2. provider schemas ---

    private static void properties(String id, String type, JsonNode properties, List<String> errors) {
        Optional<Schema> schema = providerSchema(type);
        if (schema.isEmpty()) {
            errors.add("Resources/" + id + ": type " + type + " has no resource provider schema in ../shared");
            return;
        }
        JsonNode document = PROVIDER_DOCUMENTS.get(type);
        for (JsonNode readOnly : document.path("readOnlyProperties")) {
            String[] path = readOnly.asText().replace("/properties/", "").split("/");
            if (path.length == 1 && properties.has(path[0])) {
                errors.add("Resources/" + id + "/Properties: " + path[0] + " is read-only for " + type);
            }
        }
        check(id, "", schema.get(), properties, errors);
        Optional<Schema> enhanced = cfnLintSchema(type);
        if (enhanced.isPresent()) {
            try {
                check(id, " (cfn-lint)", enhanced.get(), properties, errors);
            } catch (RuntimeException e) {
                // a Python-only regex in cfn-lint's copy: the raw AWS schema above still applies
                CFN_LINT_UNUSABLE.add(type);
            }
        }
    }

    private static void check(String id, String label, Schema schema, JsonNode properties, List<String> errors) {
        for (int branch = 0; branch < 2; branch++) {
            Set<JsonNode> placeholders = Collections.newSetFromMap(new IdentityHashMap<>());
            JsonNode resolved = properties.isMissingNode() ? JSON.createObjectNode()
                    : resolve(properties.deepCopy(), branch, placeholders);
            for (Error e : schema.validate(resolved)) {
                boolean atPlaceholder = e.getInstanceNode() != null && placeholders.contains(e.getInstanceNode());
                if (atPlaceholder && (SKIPPED_AT_PLACEHOLDER.contains(e.getKeyword()) || scalarTypeError(e))) {
                    continue;
                }
                String line = "Resources/" + id + "/Properties" + label + " " + e.getInstanceLocation() + ": "
                        + e.getMessage();
                if (!errors.contains(line)) {
                    errors.add(line);
                }
            }
        }
    }

    /** A type error at a placeholder whose wanted type is a scalar: an intrinsic function can return one. */
    private static boolean scalarTypeError(Error e) {
        if (!"type".equals(e.getKeyword())) {
            return false;
        }
        JsonNode wanted = e.getSchemaNode();
        Set<String> types = new HashSet<>();
        if (wanted != null && wanted.isTextual()) {
            types.add(wanted.asText());
        } else if (wanted != null && wanted.isArray()) {
            wanted.forEach(t -> types.add(t.asText()));
        }
        return !types.isEmpty() && !types.contains("object") && !types.contains("array");
    }

    /** Replaces intrinsic functions with placeholders; branch 0 or 1 picks the side of each Fn::If. */
    static JsonNode resolve(JsonNode node, int branch, Set<JsonNode> placeholders) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1) {
                String key = object.fieldNames().next();
                JsonNode arg = object.get(key);
                if (key.equals("Fn::If") && arg.isArray() && arg.size() == 3) {
                    return resolve(arg.get(1 + branch), branch, placeholders);
                }
                if (key.equals("Fn::GetAZs") || key.equals("Fn::Split") || key.equals("Fn::Cidr")) {
                    ArrayNode list = JSON.createArrayNode();
                    TextNode placeholder = placeholder(object);
                    placeholders.add(placeholder);
                    list.add(placeholder);
                    return list;
                }
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    TextNode placeholder = placeholder(object);
                    placeholders.add(placeholder);
                    return placeholder;
                }
            }
            ObjectNode out = JSON.createObjectNode();
            object.fields().forEachRemaining(f -> {
                if (!isNoValue(f.getValue())) {
                    out.set(f.getKey(), resolve(f.getValue(), branch, placeholders));
                }
            });
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(item -> {
                if (!isNoValue(item)) {
                    out.add(resolve(item, branch, placeholders));
                }
            });
            return out;
        }
        return node;
    }

    /** The same function gives the same placeholder, so uniqueItems still catches a real duplicate. */
    private static TextNode placeholder(JsonNode function) {
        return new TextNode("placeholder-" + Integer.toHexString(function.toString().hashCode()));
    }

    private static boolean isNoValue(JsonNode node) {
        return node.isObject() && node.size() == 1 && "AWS::NoValue".equals(node.path("Ref").asText(null));
    }

    private static Optional<Schema> providerSchema(String type) {
        String file = type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
        Path path = SharedData.resolve("schemas/cloudformation/" + file);
        if (!type.startsWith("AWS::") || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(PROVIDERS.computeIfAbsent(type, t -> {
            try {
                ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(path));
                // the provider meta-schema URI is not a dialect the validator knows; the schemas are draft-07 based
                document.remove("$schema");
                document.remove("handlers");
                PROVIDER_DOCUMENTS.put(t, document);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** cfn-lint's patched copy of a provider schema (more enums and required keys), when the JDK can compile it. */
    private static Optional<Schema> cfnLintSchema(String type) {
        if (CFN_LINT_UNUSABLE.contains(type)) {
            return Optional.empty();
        }
        String file = type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
        Path path = SharedData.resolve("schemas/cloudformation/cfn-lint/providers-us-east-1-2026-06-15/" + file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CFN_LINT_PROVIDERS.computeIfAbsent(type, t -> load(path)));
        } catch (RuntimeException e) {
            CFN_LINT_UNUSABLE.add(type);
            return Optional.empty();
        }
    }

    private static Schema load(Path file) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(file));
            document.remove("$schema");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- 2b. IAM policy documents (cfn-lint's policy schemas) ---

    private static void policies(String id, JsonNode role, List<String> errors) {
        Schema trust = LINT.computeIfAbsent("iam/policy_trust.json", TemplateValidator::policySchema);
        Schema identity = LINT.computeIfAbsent("iam/policy_identity.json", TemplateValidator::policySchema);
        check(id, " AssumeRolePolicyDocument", trust, role.path("AssumeRolePolicyDocument"), errors);
        int i = 0;
        for (JsonNode policy : role.path("Policies")) {
            check(id, " Policies/" + i++ + "/PolicyDocument", identity, policy.path("PolicyDocument"), errors);
        }
    }

    /** A cfn-lint IAM schema with the shared policy.json it refers to ("policy#/...") embedded. */
    private static Schema policySchema(String file) {
        try {
            Path dir = SharedData.resolve("schemas/cloudformation/cfn-lint/other/iam");
            String policy = Files.readString(dir.resolve("policy.json")).replace("\"$ref\": \"#/", "\"$ref\": \"#/definitions/ferryPolicy/");
            String text = Files.readString(dir.resolve(file.substring("iam/".length()))).replace("\"policy#/", "\"#/definitions/ferryPolicy/");
            ObjectNode document = (ObjectNode) JSON.readTree(text);
            ObjectNode shared = (ObjectNode) JSON.readTree(policy);
            document.remove("$id");
            shared.remove("$id");
            ((ObjectNode) document.withObject("definitions")).set("ferryPolicy", shared);
            // cfn-lint evaluates keywords beside $ref (Statement: $ref + items), as draft 2019-09 does
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- 3. references ---

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private static void references(String where, JsonNode node, JsonNode template, Set<String> parameters,
                                   Set<String> conditions, Set<String> uses, List<String> errors) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1) {
                String key = object.fieldNames().next();
                JsonNode arg = object.get(key);
                switch (key) {
                    case "Ref" -> ref(where, arg.asText(), template, parameters, uses, errors);
                    case "Fn::GetAtt" -> {
                        if (!arg.isArray() || arg.size() != 2) {
                            errors.add(where + ": Fn::GetAtt takes [resource, attribute]");
                        } else {
                            getAtt(where, arg.get(0).asText(), arg.get(1).asText(), template, uses, errors);
                        }
                    }
                    case "Fn::Sub" -> {
                        String text = arg.isArray() ? arg.path(0).asText() : arg.asText();
                        Set<String> local = new HashSet<>();
                        if (arg.isArray() && arg.size() > 1) {
                            local.addAll(names(arg.get(1)));
                        }
                        Matcher m = SUB_VARIABLE.matcher(text);
                        while (m.find()) {
                            String variable = m.group(1);
                            if (local.contains(variable)) {
                                continue;
                            }
                            int dot = variable.indexOf('.');
                            if (dot > 0 && !variable.startsWith("AWS::")) {
                                getAtt(where, variable.substring(0, dot), variable.substring(dot + 1), template, uses, errors);
                            } else {
                                ref(where, variable, template, parameters, uses, errors);
                            }
                        }
                    }
                    case "Fn::If" -> {
                        if (!arg.isArray() || arg.size() != 3 || !conditions.contains(arg.get(0).asText())) {
                            errors.add(where + ": Fn::If names no condition of the template: " + arg.path(0).asText());
                        }
                    }
                    default -> {
                    }
                }
            }
            object.fields().forEachRemaining(f -> references(where, f.getValue(), template, parameters, conditions,
                    uses, errors));
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> references(where, item, template, parameters, conditions, uses, errors));
        }
    }

    private static void ref(String where, String name, JsonNode template, Set<String> parameters, Set<String> uses,
                            List<String> errors) {
        if (PSEUDO.contains(name) || parameters.contains(name)) {
            return;
        }
        if (template.path("Resources").has(name)) {
            uses.add(name);
            return;
        }
        errors.add(where + ": Ref " + name + " is no parameter, resource or pseudo parameter");
    }

    private static void getAtt(String where, String resource, String attribute, JsonNode template, Set<String> uses,
                               List<String> errors) {
        JsonNode target = template.path("Resources").path(resource);
        if (target.isMissingNode()) {
            errors.add(where + ": Fn::GetAtt " + resource + "." + attribute + " names no resource");
            return;
        }
        uses.add(resource);
        String type = target.path("Type").asText();
        if (providerSchema(type).isEmpty()) {
            return; // reported with the resource
        }
        String pointer = "/properties/" + attribute.replace('.', '/');
        boolean readOnly = false;
        for (JsonNode p : PROVIDER_DOCUMENTS.get(type).path("readOnlyProperties")) {
            readOnly |= p.asText().equals(pointer);
        }
        if (!readOnly) {
            errors.add(where + ": Fn::GetAtt " + resource + "." + attribute + " is no attribute of " + type);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // --- 4. cycles ---

    private static void cycles(Map<String, Set<String>> edges, List<String> errors) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, edges, state, path)) {
                errors.add("Resources: a dependency cycle: " + String.join(" -> ", path));
                return;
            }
        }
    }

    private static boolean visit(String node, Map<String, Set<String>> edges, Map<String, Integer> state,
                                 List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return false;
        }
        path.add(node);
        if (s != null && s == 1) {
            return true;
        }
        state.put(node, 1);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (visit(next, edges, state, path)) {
                return true;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return false;
    }

    // --- 7. Fargate ---

    private static void fargate(String id, JsonNode properties, List<String> errors) {
        if (!properties.path("RequiresCompatibilities").toString().contains("FARGATE")) {
            return;
        }
        try {
            int cpu = Integer.parseInt(properties.path("Cpu").asText());
            int memory = Integer.parseInt(properties.path("Memory").asText());
            if (!FARGATE.getOrDefault(cpu, Set.of()).contains(memory)) {
                errors.add("Resources/" + id + ": Cpu " + cpu + " with Memory " + memory + " is no Fargate size");
            }
        } catch (NumberFormatException e) {
            errors.add("Resources/" + id + ": a Fargate task definition needs numeric Cpu and Memory");
        }
    }

    private static Map<Integer, Set<Integer>> fargateTable() {
        Map<Integer, Set<Integer>> table = new HashMap<>();
        table.put(256, Set.of(512, 1024, 2048));
        table.put(512, range(1024, 4096, 1024));
        table.put(1024, range(2048, 8192, 1024));
        table.put(2048, range(4096, 16384, 1024));
        table.put(4096, range(8192, 30720, 1024));
        table.put(8192, range(16384, 61440, 4096));
        table.put(16384, range(32768, 122880, 8192));
        return table;
    }

    private static Set<Integer> range(int from, int to, int step) {
        Set<Integer> values = new HashSet<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return values;
    }
}

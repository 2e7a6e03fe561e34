package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * CloudFormation stacks in memory, driven through change sets as AWS drives them: CreateChangeSet checks the
 * template, the parameters (UsePreviousValue only for a parameter the stack has; every parameter without a Default
 * given; no unknown ones) and the IAM capabilities, and fails with "didn't contain changes" when nothing differs;
 * ExecuteChangeSet starts an operation that advances one step per DescribeStacks call, writing stack events
 * (resource IN_PROGRESS then COMPLETE, or a scripted failure and the rollback). DeleteStack and GetTemplate serve
 * `down`: a deleted stack is gone by name and still seen by its id (DELETE_COMPLETE), as in AWS. Answers in the
 * documented XML.
 */
public final class FakeCloudFormation {

    public static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    /** One stack event. */
    public record Event(String id, String logicalId, String type, String status, String reason, Instant time) {}

    /** A stack's state. */
    public static final class Stack {
        final String name;
        final String id;
        String status;
        String template = "";
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        final List<Event> events = new ArrayList<>();
        final Deque<Runnable> pending = new ArrayDeque<>();

        Stack(String name, String status) {
            this.name = name;
            this.id = "arn:aws:cloudformation:us-east-1:123456789012:stack/" + name + "/" + Math.abs(name.hashCode());
            this.status = status;
        }

        public String status() {
            return status;
        }

        public Map<String, String> parameters() {
            return Map.copyOf(parameters);
        }

        public String template() {
            return template;
        }
    }

    private record ChangeSet(String id, String name, String stack, String type, String template,
                             Map<String, String> parameters, Map<String, String> tags, String status, String reason) {}

    private final Map<String, Stack> stacks = new LinkedHashMap<>();
    private final Map<String, Stack> deleted = new LinkedHashMap<>();
    private final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
    private final Map<String, Function<Map<String, String>, Map<String, String>>> outputs = new LinkedHashMap<>();
    private final Map<String, String[]> failures = new LinkedHashMap<>();
    private final List<String> executed = new ArrayList<>();
    private final List<Map<String, String>> executedParameters = new ArrayList<>();
    private final FakeS3 s3;
    private int sequence;

    /** @param s3 where templates given by TemplateURL are read from */
    public FakeCloudFormation(FakeS3 s3) {
        this.s3 = s3;
    }

    public FakeCloudFormation install(FakeAws aws) {
        aws.on("CloudFormation.DescribeStacks", this::describeStacks)
                .on("CloudFormation.DescribeStackEvents", this::describeStackEvents)
                .on("CloudFormation.CreateChangeSet", this::createChangeSet)
                .on("CloudFormation.DescribeChangeSet", this::describeChangeSet)
                .on("CloudFormation.ExecuteChangeSet", this::executeChangeSet)
                .on("CloudFormation.DeleteChangeSet", this::deleteChangeSet)
                .on("CloudFormation.DeleteStack", this::deleteStack)
                .on("CloudFormation.GetTemplate", this::getTemplate);
        return this;
    }

    /** The outputs a stack has after each successful operation, from its parameters. */
    public synchronized FakeCloudFormation outputs(String stack, Function<Map<String, String>, Map<String, String>> fn) {
        outputs.put(stack, fn);
        return this;
    }

    /** The next execution on {@code stack} fails at {@code logicalId} with {@code reason}, then rolls back. */
    public synchronized FakeCloudFormation failNext(String stack, String logicalId, String reason) {
        failures.put(stack, new String[] {logicalId, reason});
        return this;
    }

    /** A stack as an earlier run (or a person) left it. */
    public synchronized FakeCloudFormation existing(String name, String status, String template,
                                                    Map<String, String> parameters, Map<String, String> outputsNow) {
        Stack stack = new Stack(name, status);
        stack.template = template;
        stack.parameters.putAll(parameters);
        stack.outputs.putAll(outputsNow);
        stacks.put(name, stack);
        return this;
    }

    public synchronized Stack stack(String name) {
        return stacks.get(name);
    }

    /** "STACK:CREATE" / "STACK:UPDATE" for each executed change set, in order. */
    public synchronized List<String> executed() {
        return List.copyOf(executed);
    }

    /** The parameters of each executed change set, resolved (UsePreviousValue replaced by the value kept). */
    public synchronized List<Map<String, String>> executedParameters() {
        return List.copyOf(executedParameters);
    }

    public synchronized Response describeStacks(Request request) {
        Stack stack = find(request.form().get("StackName"));
        String name = stack == null ? request.form().get("StackName") : stack.name;
        if (stack == null) {
            return missing(name);
        }
        Runnable step = stack.pending.poll();
        if (step != null) {
            step.run();
        }
        StringBuilder xml = new StringBuilder("<member><StackName>" + x(name) + "</StackName><StackId>" + x(stack.id)
                + "</StackId><CreationTime>2026-11-25T10:00:00Z</CreationTime><StackStatus>" + stack.status
                + "</StackStatus>");
        xml.append("<Parameters>");
        stack.parameters.forEach((k, v) -> xml.append("<member><ParameterKey>").append(x(k))
                .append("</ParameterKey><ParameterValue>").append(x(v)).append("</ParameterValue></member>"));
        xml.append("</Parameters><Outputs>");
        stack.outputs.forEach((k, v) -> xml.append("<member><OutputKey>").append(x(k)).append("</OutputKey><OutputValue>")
                .append(x(v)).append("</OutputValue></member>"));
        xml.append("</Outputs><Tags>");
        stack.tags.forEach((k, v) -> xml.append("<member><Key>").append(x(k)).append("</Key><Value>").append(x(v))
                .append("</Value></member>"));
        xml.append("</Tags></member>");
        return answer("DescribeStacks", "<Stacks>" + xml + "</Stacks>");
    }

    public synchronized Response describeStackEvents(Request request) {
        Stack stack = find(request.form().get("StackName"));
        String name = stack == null ? request.form().get("StackName") : stack.name;
        if (stack == null) {
            return missing(name);
        }
        StringBuilder xml = new StringBuilder("<StackEvents>");
        for (int i = stack.events.size() - 1; i >= 0; i--) { // newest first, as AWS lists them
            Event e = stack.events.get(i);
            xml.append("<member><StackId>").append(x(stack.id)).append("</StackId><StackName>").append(x(name))
                    .append("</StackName><EventId>").append(e.id()).append("</EventId><LogicalResourceId>")
                    .append(x(e.logicalId())).append("</LogicalResourceId><ResourceType>").append(x(e.type()))
                    .append("</ResourceType><Timestamp>").append(e.time()).append("</Timestamp><ResourceStatus>")
                    .append(e.status()).append("</ResourceStatus>");
            if (e.reason() != null) {
                xml.append("<ResourceStatusReason>").append(x(e.reason())).append("</ResourceStatusReason>");
            }
            xml.append("</member>");
        }
        return answer("DescribeStackEvents", xml + "</StackEvents>");
    }

    public synchronized Response createChangeSet(Request request) {
        Map<String, String> form = request.form();
        String name = form.get("StackName");
        String type = form.getOrDefault("ChangeSetType", "UPDATE");
        Stack stack = stacks.get(name);
        if (type.equals("UPDATE") && stack == null) {
            return missing(name);
        }
        if (type.equals("CREATE") && stack != null && !stack.status.equals("REVIEW_IN_PROGRESS")) {
            return Response.queryError(400, "AlreadyExistsException", "Stack [" + name + "] already exists");
        }
        String template = form.containsKey("TemplateURL") ? fromUrl(form.get("TemplateURL")) : form.get("TemplateBody");
        JsonNode parsed;
        try {
            parsed = FakeEcr.JSON.readTree(template == null ? "" : template);
        } catch (IOException e) {
            return Response.queryError(400, "ValidationError", "Template format error: not JSON");
        }
        if (parsed == null || !parsed.path("Resources").isObject()) {
            return Response.queryError(400, "ValidationError", "Template format error: no Resources");
        }
        Set<String> capabilities = members(form, "Capabilities.member.");
        boolean iam = streamResources(parsed).anyMatch(r -> r.path("Type").asText().startsWith("AWS::IAM::"));
        if (iam && !capabilities.contains("CAPABILITY_IAM") && !capabilities.contains("CAPABILITY_NAMED_IAM")) {
            return Response.queryError(400, "InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Parameters.member." + i + ".ParameterKey"); i++) {
            String key = form.get("Parameters.member." + i + ".ParameterKey");
            if ("true".equals(form.get("Parameters.member." + i + ".UsePreviousValue"))) {
                if (stack == null || !stack.parameters.containsKey(key) || type.equals("CREATE")) {
                    return Response.queryError(400, "ValidationError", "Invalid input for parameter key " + key
                            + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
                }
                given.put(key, stack.parameters.get(key));
            } else {
                given.put(key, form.getOrDefault("Parameters.member." + i + ".ParameterValue", ""));
            }
        }
        JsonNode declared = parsed.path("Parameters");
        for (String key : given.keySet()) {
            if (!declared.has(key)) {
                return Response.queryError(400, "ValidationError", "Parameters: [" + key + "] do not exist in the template");
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (var it = declared.fields(); it.hasNext(); ) {
            var p = it.next();
            if (given.containsKey(p.getKey())) {
                resolved.put(p.getKey(), given.get(p.getKey()));
            } else if (p.getValue().has("Default")) {
                resolved.put(p.getKey(), p.getValue().get("Default").asText());
            } else {
                return Response.queryError(400, "ValidationError", "Parameters: [" + p.getKey() + "] must have values");
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
        }
        if (stack == null) {
            stack = new Stack(name, "REVIEW_IN_PROGRESS");
            stacks.put(name, stack);
            event(stack, name, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
        }
        boolean same = type.equals("UPDATE") && template.equals(stack.template) && resolved.equals(stack.parameters)
                && tags.equals(stack.tags);
        String id = "arn:aws:cloudformation:us-east-1:123456789012:changeSet/" + form.get("ChangeSetName") + "/" + ++sequence;
        changeSets.put(id, new ChangeSet(id, form.get("ChangeSetName"), name, type, template, resolved, tags,
                same ? "FAILED" : "CREATE_COMPLETE",
                same ? "The submitted information didn't contain changes. Submit different information to create a change set."
                        : null));
        return answer("CreateChangeSet", "<Id>" + x(id) + "</Id><StackId>" + x(stack.id) + "</StackId>");
    }

    public synchronized Response describeChangeSet(Request request) {
        ChangeSet set = changeSet(request.form());
        if (set == null) {
            return Response.queryError(404, "ChangeSetNotFound", "ChangeSet [" + request.form().get("ChangeSetName")
                    + "] does not exist");
        }
        return answer("DescribeChangeSet", "<ChangeSetName>" + x(set.name()) + "</ChangeSetName><ChangeSetId>" + x(set.id())
                + "</ChangeSetId><StackName>" + x(set.stack()) + "</StackName><Status>" + set.status() + "</Status>"
                + (set.reason() == null ? "" : "<StatusReason>" + x(set.reason()) + "</StatusReason>")
                + "<ExecutionStatus>" + (set.status().equals("FAILED") ? "UNAVAILABLE" : "AVAILABLE")
                + "</ExecutionStatus>");
    }

    public synchronized Response deleteChangeSet(Request request) {
        ChangeSet set = changeSet(request.form());
        if (set != null) {
            changeSets.remove(set.id());
        }
        return answer("DeleteChangeSet", "");
    }

    public synchronized Response executeChangeSet(Request request) {
        ChangeSet set = changeSet(request.form());
        if (set == null || !set.status().equals("CREATE_COMPLETE")) {
            return Response.queryError(400, "InvalidChangeSetStatus", "ChangeSet is not executable");
        }
        changeSets.remove(set.id());
        Stack stack = stacks.get(set.stack());
        boolean create = set.type().equals("CREATE");
        String verb = create ? "CREATE" : "UPDATE";
        executed.add(stack.name + ":" + verb);
        executedParameters.add(Map.copyOf(set.parameters()));
        stack.status = verb + "_IN_PROGRESS";
        event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, "User Initiated");
        JsonNode resources;
        try {
            resources = FakeEcr.JSON.readTree(set.template()).path("Resources");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String[] failure = failures.remove(stack.name);
        boolean failing = false;
        for (var it = resources.fields(); it.hasNext(); ) {
            var resource = it.next();
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            if (failing) {
                stack.pending.add(() -> event(stack, id, type, verb + "_FAILED", "Resource creation cancelled"));
                continue;
            }
            stack.pending.add(() -> event(stack, id, type, verb + "_IN_PROGRESS", null));
            if (failure != null && failure[0].equals(id)) {
                failing = true;
                stack.pending.add(() -> event(stack, id, type, verb + "_FAILED", failure[1]));
            } else {
                stack.pending.add(() -> event(stack, id, type, verb + "_COMPLETE", null));
            }
        }
        if (failing) {
            String rollback = create ? "ROLLBACK" : "UPDATE_ROLLBACK";
            stack.pending.add(() -> {
                stack.status = rollback + "_IN_PROGRESS";
                event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, "The following resource(s) failed: ["
                        + failure[0] + "]");
            });
            stack.pending.add(() -> {
                stack.status = rollback + "_COMPLETE";
                event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, null);
            });
        } else if (failure != null) {
            throw new IllegalStateException("no resource " + failure[0] + " in the template of " + stack.name);
        } else {
            stack.pending.add(() -> {
                stack.status = verb + "_COMPLETE";
                stack.template = set.template();
                stack.parameters = new LinkedHashMap<>(set.parameters());
                stack.tags = new LinkedHashMap<>(set.tags());
                stack.outputs = new LinkedHashMap<>(outputs.getOrDefault(stack.name, p -> Map.of()).apply(stack.parameters));
                event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, null);
            });
        }
        return answer("ExecuteChangeSet", "");
    }

    /** Starts deleting the stack: DELETE_IN_PROGRESS, then DELETE_COMPLETE on the next DescribeStacks. */
    public synchronized Response deleteStack(Request request) {
        Stack stack = stacks.get(request.form().get("StackName"));
        if (stack != null) { // deleting a stack that does not exist succeeds, as in AWS
            executed.add(stack.name + ":DELETE");
            stack.status = "DELETE_IN_PROGRESS";
            event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, "User Initiated");
            stack.pending.add(() -> {
                stack.status = "DELETE_COMPLETE";
                event(stack, stack.name, "AWS::CloudFormation::Stack", stack.status, null);
                stacks.remove(stack.name);
                deleted.put(stack.id, stack);
            });
        }
        return answer("DeleteStack", "");
    }

    public synchronized Response getTemplate(Request request) {
        Stack stack = find(request.form().get("StackName"));
        if (stack == null) {
            return missing(request.form().get("StackName"));
        }
        return answer("GetTemplate", "<TemplateBody>" + x(stack.template) + "</TemplateBody>");
    }

    /** A live stack by name or id, or a deleted one by id. */
    private Stack find(String ref) {
        Stack byName = stacks.get(ref);
        if (byName != null) {
            return byName;
        }
        return java.util.stream.Stream.concat(stacks.values().stream(), deleted.values().stream())
                .filter(s -> s.id.equals(ref)).findFirst().orElse(null);
    }

    private ChangeSet changeSet(Map<String, String> form) {
        String ref = form.get("ChangeSetName");
        ChangeSet byId = changeSets.get(ref);
        if (byId != null) {
            return byId;
        }
        return changeSets.values().stream().filter(c -> c.name().equals(ref) && c.stack().equals(form.get("StackName")))
                .findFirst().orElse(null);
    }

    private void event(Stack stack, String logicalId, String type, String status, String reason) {
        stack.events.add(new Event("event-" + ++sequence, logicalId, type, status, reason,
                Instant.parse("2026-11-25T10:00:00Z").plusSeconds(sequence)));
    }

    private String fromUrl(String url) {
        // https://BUCKET.s3.REGION.amazonaws.com/KEY
        String rest = url.substring("https://".length());
        String bucket = rest.substring(0, rest.indexOf(".s3."));
        String key = rest.substring(rest.indexOf('/') + 1);
        byte[] content = s3.content(bucket, key);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    private static java.util.stream.Stream<JsonNode> streamResources(JsonNode template) {
        List<JsonNode> all = new ArrayList<>();
        template.path("Resources").forEach(all::add);
        return all.stream();
    }

    private static Set<String> members(Map<String, String> form, String prefix) {
        Set<String> values = new TreeSet<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                values.add(v);
            }
        });
        return values;
    }

    private static Response missing(String name) {
        return Response.queryError(400, "ValidationError", "Stack with id " + name + " does not exist");
    }

    private static Response answer(String action, String result) {
        return Response.xml("<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</"
                + action + "Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></" + action
                + "Response>");
    }

    static String x(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package dev.ferry.provider.aws.testing;

import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One CloudFormation stack on a {@link FakeAws}: DescribeStacks, DescribeStackEvents, DeleteStack and UpdateStack
 * (UsePreviousTemplate) answered in the query protocol's XML. An operation starts *_IN_PROGRESS and completes on the
 * DescribeStacks after the first that sees it, with a stack event per resource, as a real stack does over minutes. After a delete the stack
 * "does not exist" (a ValidationError, as CloudFormation answers a name it no longer knows).
 */
public final class OpsStackFake {

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final String name;
    private final List<String> resources;
    private final Map<String, String> outputs = new TreeMap<>();
    private final Map<String, String> parameters = new TreeMap<>();
    private final List<String[]> events = new ArrayList<>(); // newest first: id, logical id, status, reason, time
    private volatile String status;
    private volatile boolean exists;
    private volatile boolean deleted;
    private int holds; // DescribeStacks calls that still see the operation in progress
    private String template;
    private volatile String failDeleteOn;

    private OpsStackFake(String name, String status, List<String> resources) {
        this.name = name;
        this.status = status;
        this.exists = status != null;
        this.resources = List.copyOf(resources);
        this.template = defaultTemplate(resources);
    }

    /**
     * A template as ferry writes it: "Database" is an RDS instance kept with a final snapshot and deletion
     * protection (the high_availability mode), "Cache" an ElastiCache group deleted without one (affordable), any
     * other resource an ECS service.
     */
    private static String defaultTemplate(List<String> resources) {
        StringBuilder json = new StringBuilder("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{");
        for (int i = 0; i < resources.size(); i++) {
            String r = resources.get(i);
            json.append(i == 0 ? "" : ",").append('"').append(r).append("\":");
            json.append(switch (r) {
                case "Database" -> "{\"Type\":\"AWS::RDS::DBInstance\",\"DeletionPolicy\":\"Snapshot\","
                        + "\"UpdateReplacePolicy\":\"Snapshot\",\"Properties\":{\"DeletionProtection\":true}}";
                case "Cache" -> "{\"Type\":\"AWS::ElastiCache::ReplicationGroup\",\"DeletionPolicy\":\"Delete\","
                        + "\"Properties\":{}}";
                default -> "{\"Type\":\"AWS::ECS::Service\",\"Properties\":{}}";
            });
        }
        return json.append("}}").toString();
    }

    /** The stack's current template body. */
    public synchronized String template() {
        return template;
    }

    /** The stacks of each fake: requests go to the stack they name; a name no stack has "does not exist". */
    private static final Map<FakeAws, List<OpsStackFake>> STACKS = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    /** A stack named {@code name} in {@code status}, or none when status is null; several may be registered. */
    public static OpsStackFake on(FakeAws aws, String name, String status, List<String> resources) {
        OpsStackFake stack = new OpsStackFake(name, status, resources);
        List<OpsStackFake> stacks = STACKS.computeIfAbsent(aws, a -> new java.util.concurrent.CopyOnWriteArrayList<>());
        stacks.removeIf(s -> s.name.equals(name));
        stacks.add(stack);
        aws.on("CloudFormation.DescribeStacks", r -> route(stacks, r).describe(r))
                .on("CloudFormation.DescribeStackEvents", r -> route(stacks, r).events(r))
                .on("CloudFormation.DeleteStack", r -> route(stacks, r).delete(r))
                .on("CloudFormation.UpdateStack", r -> route(stacks, r).update(r))
                .on("CloudFormation.GetTemplate", r -> route(stacks, r).getTemplate(r));
        return stack;
    }

    /** The stack a request names (by name or id), else the first, which answers "does not exist". */
    private static OpsStackFake route(List<OpsStackFake> stacks, Request request) {
        String asked = request.form().getOrDefault("StackName", "");
        return stacks.stream().filter(s -> s.name.equals(asked) || s.stackId().equals(asked)).findFirst()
                .orElse(new OpsStackFake(asked + "-unknown", null, List.of()));
    }

    public OpsStackFake output(String key, String value) {
        outputs.put(key, value);
        return this;
    }

    public OpsStackFake parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** The next delete fails on {@code resource} (DELETE_FAILED with a reason). */
    public OpsStackFake failDeleteOn(String resource) {
        this.failDeleteOn = resource;
        return this;
    }

    /** An update begins, as a deploy starts one; the next DescribeStacks completes it. */
    public synchronized OpsStackFake startUpdate() {
        status = "UPDATE_IN_PROGRESS";
        event(name, "UPDATE_IN_PROGRESS", "User Initiated");
        holds = 1;
        return this;
    }

    public boolean exists() {
        return exists;
    }

    public synchronized Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    private synchronized Response describe(Request request) {
        if (!known(request)) {
            return missing(request.form().get("StackName"));
        }
        advance();
        if (!known(request)) {
            return missing(name);
        }
        StringBuilder xml = new StringBuilder("<DescribeStacksResponse xmlns=\"" + NS + "\"><DescribeStacksResult><Stacks><member>"
                + "<StackId>" + stackId() + "</StackId><StackName>" + name + "</StackName>"
                + "<CreationTime>2026-11-25T10:00:00Z</CreationTime><StackStatus>" + status + "</StackStatus><Outputs>");
        outputs.forEach((k, v) -> xml.append("<member><OutputKey>").append(k).append("</OutputKey><OutputValue>")
                .append(OpsJson.xmlEscape(v)).append("</OutputValue></member>"));
        xml.append("</Outputs><Parameters>");
        parameters.forEach((k, v) -> xml.append("<member><ParameterKey>").append(k).append("</ParameterKey><ParameterValue>")
                .append(OpsJson.xmlEscape(v)).append("</ParameterValue></member>"));
        xml.append("</Parameters></member></Stacks></DescribeStacksResult>"
                + "<ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></DescribeStacksResponse>");
        return Response.xml(xml.toString());
    }

    /** Completes the operation in progress (after one look at it): one event per resource, then the stack's own. */
    private void advance() {
        if (holds > 0) {
            holds--;
            return;
        }
        if (status.equals("DELETE_IN_PROGRESS")) {
            for (String resource : resources) {
                if (resource.equals(failDeleteOn)) {
                    event(resource, "DELETE_FAILED", "Resource is in use");
                    event(name, "DELETE_FAILED", "The following resource(s) failed to delete: [" + resource + "].");
                    status = "DELETE_FAILED";
                    failDeleteOn = null;
                    return;
                }
                event(resource, "DELETE_COMPLETE", "");
            }
            event(name, "DELETE_COMPLETE", "");
            status = "DELETE_COMPLETE";
            exists = false;
            deleted = true;
        } else if (status.equals("UPDATE_IN_PROGRESS")) {
            resources.forEach(r -> event(r, "UPDATE_COMPLETE", ""));
            event(name, "UPDATE_COMPLETE", "");
            status = "UPDATE_COMPLETE";
        }
    }

    /** By name while it exists; by id also after a delete, as CloudFormation keeps deleted stacks for 90 days. */
    private boolean known(Request request) {
        String asked = request.form().get("StackName");
        return exists && name.equals(asked) || (exists || deleted) && stackId().equals(asked);
    }

    private synchronized Response events(Request request) {
        if (!known(request)) {
            return missing(request.form().get("StackName"));
        }
        StringBuilder xml = new StringBuilder("<DescribeStackEventsResponse xmlns=\"" + NS
                + "\"><DescribeStackEventsResult><StackEvents>");
        for (String[] e : events) {
            xml.append("<member><StackId>").append(stackId()).append("</StackId><EventId>").append(e[0])
                    .append("</EventId><StackName>").append(name).append("</StackName><LogicalResourceId>").append(e[1])
                    .append("</LogicalResourceId><ResourceType>").append(e[1].equals(name) ? "AWS::CloudFormation::Stack"
                            : "AWS::ECS::Service").append("</ResourceType><Timestamp>").append(e[4])
                    .append("</Timestamp><ResourceStatus>").append(e[2]).append("</ResourceStatus>");
            if (!e[3].isEmpty()) {
                xml.append("<ResourceStatusReason>").append(OpsJson.xmlEscape(e[3])).append("</ResourceStatusReason>");
            }
            xml.append("</member>");
        }
        xml.append("</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>");
        return Response.xml(xml.toString());
    }

    private synchronized Response delete(Request request) {
        if (exists && name.equals(request.form().get("StackName"))) {
            status = "DELETE_IN_PROGRESS";
            holds = 1;
            event(name, "DELETE_IN_PROGRESS", "User Initiated");
        }
        return Response.xml("<DeleteStackResponse xmlns=\"" + NS + "\"><ResponseMetadata><RequestId>fake</RequestId>"
                + "</ResponseMetadata></DeleteStackResponse>");
    }

    private synchronized Response update(Request request) {
        Map<String, String> form = request.form();
        if (!exists || !name.equals(form.get("StackName"))) {
            return missing(form.get("StackName"));
        }
        boolean previous = "true".equals(form.get("UsePreviousTemplate"));
        String body = form.get("TemplateBody");
        if (previous == (body != null)) {
            return Response.queryError(400, "ValidationError", "give exactly one of TemplateBody and UsePreviousTemplate");
        }
        if (body != null) {
            try {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (java.io.IOException e) {
                return Response.queryError(400, "ValidationError", "Template format error: JSON not well-formed");
            }
            template = body;
        }
        Map<String, String> next = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Parameters.member." + i + ".ParameterKey"); i++) {
            String key = form.get("Parameters.member." + i + ".ParameterKey");
            if ("true".equals(form.get("Parameters.member." + i + ".UsePreviousValue"))) {
                next.put(key, parameters.get(key));
            } else {
                next.put(key, form.getOrDefault("Parameters.member." + i + ".ParameterValue", ""));
            }
        }
        if (!next.keySet().equals(parameters.keySet())) {
            return Response.queryError(400, "ValidationError", "Parameters: " + next.keySet() + " must be " + parameters.keySet());
        }
        parameters.putAll(next);
        status = "UPDATE_IN_PROGRESS";
        event(name, "UPDATE_IN_PROGRESS", "User Initiated");
        holds = 1;
        return Response.xml("<UpdateStackResponse xmlns=\"" + NS + "\"><UpdateStackResult><StackId>" + stackId()
                + "</StackId></UpdateStackResult></UpdateStackResponse>");
    }

    private synchronized Response getTemplate(Request request) {
        if (!known(request)) {
            return missing(request.form().get("StackName"));
        }
        return Response.xml("<GetTemplateResponse xmlns=\"" + NS + "\"><GetTemplateResult><TemplateBody>"
                + OpsJson.xmlEscape(template) + "</TemplateBody><StagesAvailable><member>Original</member>"
                + "<member>Processed</member></StagesAvailable></GetTemplateResult>"
                + "<ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetTemplateResponse>");
    }

    private void event(String logicalId, String eventStatus, String reason) {
        events.add(0, new String[] {"event-" + events.size(), logicalId, eventStatus, reason, Instant.now().toString()});
    }

    private String stackId() {
        return "arn:aws:cloudformation:us-east-1:123456789012:stack/" + name + "/0f1e2d3c";
    }

    private static Response missing(String stackName) {
        return Response.queryError(400, "ValidationError", "Stack with id " + stackName + " does not exist");
    }
}

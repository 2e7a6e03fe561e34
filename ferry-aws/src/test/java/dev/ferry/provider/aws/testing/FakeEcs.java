package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ECS cluster: RunTask starts a one-off task that goes PROVISIONING → PENDING → RUNNING → STOPPED, one step per
 * DescribeTasks call, and stops with the exit code set for it; DescribeServices answers each known service's counts;
 * ListTasks (for ps) lists none of a known service's tasks. RegisterTaskDefinition records the definition and answers
 * FAMILY:REVISION; StopTask stops a task (exit 143, as a container stopped with SIGTERM); {@link #holdRunning} keeps
 * the next task RUNNING until it is stopped.
 */
public final class FakeEcs {

    static final List<String> STATES = List.of("PROVISIONING", "PENDING", "RUNNING", "STOPPED");

    private final String cluster;
    private final Map<String, int[]> tasks = new LinkedHashMap<>();
    private final Map<String, String> containerNames = new LinkedHashMap<>();
    private final Map<String, Integer> exitCodes = new LinkedHashMap<>();
    private final Map<String, int[]> services = new LinkedHashMap<>();
    private final List<JsonNode> runTasks = new ArrayList<>();
    private final List<JsonNode> taskDefinitions = new ArrayList<>();
    private final List<JsonNode> stopTasks = new ArrayList<>();
    private final java.util.Set<String> held = new java.util.HashSet<>();
    private boolean holdNext;
    private int nextExitCode;
    private String containerName = "app";
    private int sequence;

    public FakeEcs(String cluster) {
        this.cluster = cluster;
    }

    public FakeEcs install(FakeAws aws) {
        aws.on("AmazonEC2ContainerServiceV20141113.RunTask", this::runTask)
                .on("AmazonEC2ContainerServiceV20141113.DescribeTasks", this::describeTasks)
                .on("AmazonEC2ContainerServiceV20141113.DescribeServices", this::describeServices)
                .on("AmazonEC2ContainerServiceV20141113.ListTasks", this::listTasks)
                .on("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", this::registerTaskDefinition)
                .on("AmazonEC2ContainerServiceV20141113.StopTask", this::stopTask);
        return this;
    }

    /** The next task exits with {@code code}. */
    public synchronized FakeEcs exitNext(int code) {
        nextExitCode = code;
        return this;
    }

    /** The container name tasks report (the task definition's container). */
    public synchronized FakeEcs containerName(String name) {
        containerName = name;
        return this;
    }

    /** The next task stays RUNNING until StopTask stops it. */
    public synchronized FakeEcs holdRunning() {
        holdNext = true;
        return this;
    }

    /** The RegisterTaskDefinition requests, in order. */
    public synchronized List<JsonNode> taskDefinitions() {
        return List.copyOf(taskDefinitions);
    }

    /** The StopTask requests, in order. */
    public synchronized List<JsonNode> stopTasks() {
        return List.copyOf(stopTasks);
    }

    public synchronized Response registerTaskDefinition(Request request) {
        JsonNode body = FakeEcr.parse(request);
        if (!body.path("family").isTextual() || body.path("containerDefinitions").size() == 0) {
            return Response.jsonError(400, "ClientException", "Family and container definitions are required.");
        }
        taskDefinitions.add(body);
        long revision = taskDefinitions.stream().filter(d -> d.path("family").equals(body.path("family"))).count();
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        ObjectNode definition = answer.putObject("taskDefinition");
        definition.put("taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/"
                + body.path("family").asText() + ":" + revision).put("family", body.path("family").asText())
                .put("revision", revision).put("status", "ACTIVE");
        definition.set("containerDefinitions", body.path("containerDefinitions"));
        return Response.json(answer.toString());
    }

    public synchronized Response stopTask(Request request) {
        JsonNode body = FakeEcr.parse(request);
        String arn = body.path("task").asText();
        if (!tasks.containsKey(arn)) {
            return Response.jsonError(400, "InvalidParameterException", "The referenced task was not found.");
        }
        stopTasks.add(body);
        held.remove(arn);
        tasks.get(arn)[0] = STATES.size() - 1;
        exitCodes.put(arn, 143);
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        answer.set("task", task(arn));
        return Response.json(answer.toString());
    }

    /** A service with running/desired counts. */
    public synchronized FakeEcs service(String name, int running, int desired) {
        services.put(name, new int[] {running, desired});
        return this;
    }

    /** The RunTask requests, in order. */
    public synchronized List<JsonNode> runTasks() {
        return List.copyOf(runTasks);
    }

    /** The id of the n-th task started (0-based). */
    public synchronized String taskId(int n) {
        String arn = new ArrayList<>(tasks.keySet()).get(n);
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public synchronized Response runTask(Request request) {
        JsonNode body = FakeEcr.parse(request);
        if (!cluster.equals(body.path("cluster").asText())) {
            return Response.jsonError(400, "ClusterNotFoundException", "Cluster not found.");
        }
        runTasks.add(body);
        String arn = "arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/task" + ++sequence + "abcdef";
        tasks.put(arn, new int[] {0});
        containerNames.put(arn, containerName);
        exitCodes.put(arn, nextExitCode);
        nextExitCode = 0;
        if (holdNext) {
            held.add(arn);
            holdNext = false;
        }
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        answer.putArray("tasks").add(task(arn));
        answer.putArray("failures");
        return Response.json(answer.toString());
    }

    public synchronized Response describeTasks(Request request) {
        JsonNode body = FakeEcr.parse(request);
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        ArrayNode found = answer.putArray("tasks");
        for (JsonNode arn : body.path("tasks")) {
            int[] at = tasks.get(arn.asText());
            if (at != null) {
                int limit = held.contains(arn.asText()) ? STATES.indexOf("RUNNING") : STATES.size() - 1;
                at[0] = Math.max(at[0], Math.min(at[0] + 1, limit));
                found.add(task(arn.asText()));
            }
        }
        answer.putArray("failures");
        return Response.json(answer.toString());
    }

    public synchronized Response describeServices(Request request) {
        JsonNode body = FakeEcr.parse(request);
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        ArrayNode found = answer.putArray("services");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode name : body.path("services")) {
            int[] counts = services.get(name.asText());
            if (counts == null) {
                failures.addObject().put("arn", name.asText()).put("reason", "MISSING");
            } else {
                found.addObject().put("serviceName", name.asText()).put("status", "ACTIVE")
                        .put("runningCount", counts[0]).put("desiredCount", counts[1]);
            }
        }
        return Response.json(answer.toString());
    }

    public synchronized Response listTasks(Request request) {
        JsonNode body = FakeEcr.parse(request);
        if (!cluster.equals(body.path("cluster").asText()) || !services.containsKey(body.path("serviceName").asText())) {
            return Response.jsonError(400, "ServiceNotFoundException", "Service not found.");
        }
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        answer.putArray("taskArns");
        return Response.json(answer.toString());
    }

    private ObjectNode task(String arn) {
        String state = STATES.get(tasks.get(arn)[0]);
        ObjectNode task = FakeEcr.JSON.createObjectNode().put("taskArn", arn).put("lastStatus", state)
                .put("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/" + cluster);
        ObjectNode container = task.putArray("containers").addObject().put("name", containerNames.get(arn))
                .put("lastStatus", state);
        if (state.equals("STOPPED")) {
            task.put("stoppedReason", "Essential container in task exited").put("stopCode", "EssentialContainerExited");
            container.put("exitCode", exitCodes.get(arn));
        }
        return task;
    }
}

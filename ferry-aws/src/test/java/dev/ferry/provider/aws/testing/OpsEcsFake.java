package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS on a {@link FakeAws}: DescribeServices, ListTasks and DescribeTasks for one cluster, in the shapes of the ECS
 * API reference. A service is registered with its counts and its tasks' state, health and image.
 */
public final class OpsEcsFake {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";

    /** A task as DescribeTasks shows it. */
    public record FakeTask(String id, String lastStatus, String healthStatus, String image) {}

    private record FakeService(int desired, int running, List<FakeTask> tasks) {}

    private final String cluster;
    private final Map<String, FakeService> services = new LinkedHashMap<>();

    private OpsEcsFake(String cluster) {
        this.cluster = cluster;
    }

    public static OpsEcsFake on(FakeAws aws, String cluster) {
        OpsEcsFake ecs = new OpsEcsFake(cluster);
        aws.on("AmazonEC2ContainerServiceV20141113.DescribeServices", ecs::describeServices)
                .on("AmazonEC2ContainerServiceV20141113.ListTasks", ecs::listTasks)
                .on("AmazonEC2ContainerServiceV20141113.DescribeTasks", ecs::describeTasks);
        return ecs;
    }

    public synchronized OpsEcsFake service(String name, int desired, int running, FakeTask... tasks) {
        services.put(name, new FakeService(desired, running, List.of(tasks)));
        return this;
    }

    private synchronized Response describeServices(Request request) {
        JsonNode body = OpsJson.read(request);
        if (!cluster.equals(body.path("cluster").asText())) {
            return Response.jsonError(400, "ClusterNotFoundException", "Cluster not found.");
        }
        if (body.path("services").size() > 10) {
            return Response.jsonError(400, "InvalidParameterException", "services can have at most 10 items.");
        }
        List<Object> found = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        body.path("services").forEach(n -> {
            FakeService s = services.get(n.asText());
            if (s == null) {
                failures.add(Map.of("arn", ARN + "service/" + cluster + "/" + n.asText(), "reason", "MISSING"));
            } else {
                found.add(Map.of("serviceName", n.asText(), "serviceArn", ARN + "service/" + cluster + "/" + n.asText(),
                        "clusterArn", ARN + "cluster/" + cluster, "status", "ACTIVE", "desiredCount", s.desired(),
                        "runningCount", s.running(), "pendingCount", Math.max(0, s.desired() - s.running()),
                        "launchType", "FARGATE"));
            }
        });
        return OpsJson.answer(Map.of("services", found, "failures", failures));
    }

    private synchronized Response listTasks(Request request) {
        JsonNode body = OpsJson.read(request);
        FakeService s = services.get(body.path("serviceName").asText());
        if (!cluster.equals(body.path("cluster").asText()) || s == null) {
            return Response.jsonError(400, "ServiceNotFoundException", "Service not found.");
        }
        return OpsJson.answer(Map.of("taskArns", s.tasks().stream().map(t -> ARN + "task/" + cluster + "/" + t.id()).toList()));
    }

    private synchronized Response describeTasks(Request request) {
        JsonNode body = OpsJson.read(request);
        List<Object> tasks = new ArrayList<>();
        body.path("tasks").forEach(arn -> services.values().stream().flatMap(s -> s.tasks().stream())
                .filter(t -> arn.asText().endsWith("/" + t.id())).findFirst().ifPresent(t -> {
                    Map<String, Object> task = new LinkedHashMap<>();
                    task.put("taskArn", arn.asText());
                    task.put("clusterArn", ARN + "cluster/" + cluster);
                    task.put("lastStatus", t.lastStatus());
                    task.put("desiredStatus", "RUNNING");
                    task.put("healthStatus", t.healthStatus());
                    task.put("launchType", "FARGATE");
                    task.put("containers", List.of(Map.of("name", "app", "image", t.image(), "lastStatus",
                            t.lastStatus(), "healthStatus", t.healthStatus())));
                    tasks.add(task);
                }));
        return OpsJson.answer(Map.of("tasks", tasks, "failures", List.of()));
    }
}

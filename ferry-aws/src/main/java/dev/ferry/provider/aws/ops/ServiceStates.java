package dev.ferry.provider.aws.ops;

import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.LogicalIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code ferry compose ps} for AWS: one row per compose service, from the app stack's outputs and ECS. A
 * long-running service shows its tasks' state with running/desired counts, their health and image, and the app's
 * URL on the service that publishes ports; a managed database shows its endpoint; a run-once service (the release)
 * has no row (it ran during up).
 */
public final class ServiceStates {

    private final CloudFormationClient cloudFormation;
    private final EcsClient ecs;

    public ServiceStates(CloudFormationClient cloudFormation, EcsClient ecs) {
        this.cloudFormation = cloudFormation;
        this.ecs = ecs;
    }

    /** @throws dev.ferry.FerryException BAD_INPUT naming the fix when the project was never deployed */
    public List<ServiceStatus> of(LoadedCompose compose, AwsSettings settings) {
        DeployedStack stack = DeployedStack.require(cloudFormation, settings);
        Map<String, String> out = stack.outputs();
        String cluster = out.getOrDefault(AppStackOutputs.CLUSTER, "");
        Map<String, ComposeService> byEcsName = new LinkedHashMap<>();
        List<ServiceStatus> rows = new ArrayList<>();
        for (ComposeService service : compose.project().services()) {
            String id = LogicalIds.of(service.name());
            String ecsName = out.get(AppStackOutputs.SERVICE_PREFIX + id);
            String endpoint = out.get(AppStackOutputs.ENDPOINT_PREFIX + id);
            if (ecsName != null && !ecsName.isEmpty()) {
                byEcsName.put(ecsName, service);
            } else if (endpoint != null) {
                rows.add(new ServiceStatus(service.name(), managedKind(service), "available", "", List.of(endpoint),
                        "managed by AWS"));
            }
        }
        Map<String, Service> described = describe(cluster, List.copyOf(byEcsName.keySet()));
        List<ServiceStatus> services = new ArrayList<>();
        byEcsName.forEach((ecsName, service) -> services.add(row(cluster, ecsName, service, described.get(ecsName),
                out.getOrDefault(AppStackOutputs.URL, ""))));
        services.addAll(rows);
        return services;
    }

    private Map<String, Service> describe(String cluster, List<String> names) {
        Map<String, Service> found = new LinkedHashMap<>();
        // DescribeServices takes at most 10 names a call
        for (int from = 0; from < names.size(); from += 10) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + 10));
            AwsCall.run("ecs:DescribeServices", () -> ecs.describeServices(b -> b.cluster(cluster).services(batch)))
                    .services().forEach(s -> found.put(s.serviceName(), s));
        }
        return found;
    }

    private ServiceStatus row(String cluster, String ecsName, ComposeService service, Service ecsService, String url) {
        List<String> ports = service.ports().isEmpty() || url.isEmpty() ? List.of() : List.of(url);
        if (ecsService == null) {
            return new ServiceStatus(service.name(), ecsName, "missing", "", ports, "-");
        }
        List<Task> tasks = tasks(cluster, ecsName);
        int running = ecsService.runningCount();
        int desired = ecsService.desiredCount();
        String state = (running == desired && desired > 0 ? "running"
                : desired == 0 ? "stopped" : tasks.isEmpty() ? "starting" : "deploying")
                + " " + running + "/" + desired;
        return new ServiceStatus(service.name(), ecsName, state, health(tasks), ports, image(tasks));
    }

    private List<Task> tasks(String cluster, String ecsName) {
        // the paginator sends its requests as it is read: the reading belongs inside the call
        List<String> arns = AwsCall.run("ecs:ListTasks", () -> ecs.listTasksPaginator(b -> b.cluster(cluster)
                .serviceName(ecsName)).taskArns().stream().toList());
        List<Task> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
            tasks.addAll(AwsCall.run("ecs:DescribeTasks", () -> ecs.describeTasks(b -> b.cluster(cluster).tasks(batch)))
                    .tasks());
        }
        return tasks;
    }

    /** healthy only when every task reports healthy; "" when no task has a health check. */
    private static String health(List<Task> tasks) {
        List<String> states = tasks.stream().map(Task::healthStatusAsString).filter(h -> h != null && !h.equals("UNKNOWN"))
                .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
        if (states.isEmpty()) {
            return "";
        }
        return states.contains("unhealthy") ? "unhealthy" : states.size() == 1 ? states.get(0) : "starting";
    }

    private static String image(List<Task> tasks) {
        return tasks.stream().flatMap(t -> t.containers().stream()).map(c -> c.image()).filter(i -> i != null)
                .distinct().reduce((a, b) -> a + "," + b).orElse("-");
    }

    private static String managedKind(ComposeService service) {
        return ComposeRules.isManagedPostgres(service) ? "RDS PostgreSQL"
                : ComposeRules.isManagedRedis(service) ? "ElastiCache Redis" : "managed";
    }
}

package dev.ferry.provider.aws.deploy;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What every one-off Fargate task ferry runs in the app stack's network shares (the release phase, the data mover):
 * how it is started and how its end reads. Waiting for it and what its exit means stay with each caller.
 */
public final class OneOffTask {

    private OneOffTask() {
    }

    /**
     * Starts one task of {@code taskDefinition} in the given subnets and security group.
     *
     * @param publicIp whether the task needs a public IP to reach ECR (no NAT gateway: affordable mode)
     */
    public static RunTaskResponse start(EcsClient ecs, String cluster, String taskDefinition, String startedBy,
                                        List<String> subnets, String securityGroup, boolean publicIp) {
        return ecs.runTask(b -> b.cluster(cluster).taskDefinition(taskDefinition)
                .launchType(LaunchType.FARGATE).count(1).startedBy(startedBy)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets)
                        .securityGroups(securityGroup)
                        .assignPublicIp(publicIp ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED))));
    }

    /** The stopped task's first container, or null when it has none. */
    public static Container container(Task task) {
        return task.containers().isEmpty() ? null : task.containers().get(0);
    }

    /** The container's exit code, or null when it stopped without one. */
    public static Integer exitCode(Task task) {
        Container container = container(task);
        return container == null ? null : container.exitCode();
    }

    /** How a stopped task ended, in words: "exited 1", or "stopped without an exit code: REASON". */
    public static String ending(Task task) {
        Integer exit = exitCode(task);
        Container container = container(task);
        return exit != null ? "exited " + exit : "stopped without an exit code: " + (container != null
                && container.reason() != null ? container.reason() : String.valueOf(task.stoppedReason()));
    }

    /** The task's id: the last part of its ARN. */
    public static String id(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}

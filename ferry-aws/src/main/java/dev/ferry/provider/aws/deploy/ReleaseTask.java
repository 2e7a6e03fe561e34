package dev.ferry.provider.aws.deploy;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Runs a run-once service (the release phase) as a one-off Fargate task in the app stack's network and waits for it
 * to stop. Exit code 0 is success; anything else fails with the task's last log lines, before any long-running
 * service has been updated.
 */
public final class ReleaseTask {

    /**
     * Where and what to run.
     *
     * @param service the compose service (its log stream prefix)
     * @param cluster the ECS cluster
     * @param taskDefinition the service's task definition ARN (a stack output)
     * @param subnets the subnets for the task
     * @param securityGroup the task security group
     * @param publicIp whether the task needs a public IP to reach ECR (no NAT gateway)
     * @param logGroup the log group the task writes to
     */
    public record Spec(String service, String cluster, String taskDefinition, List<String> subnets,
                       String securityGroup, boolean publicIp, String logGroup) {

        public Spec {
            subnets = List.copyOf(subnets);
        }
    }

    private final EcsClient ecs;
    private final CloudWatchLogsClient logs;
    private final Waiting waiting;
    private final EventSink events;

    public ReleaseTask(EcsClient ecs, CloudWatchLogsClient logs, Waiting waiting, EventSink events) {
        this.ecs = ecs;
        this.logs = logs;
        this.waiting = waiting;
        this.events = events;
    }

    /** Runs the task to completion; returns normally only when it exited 0. */
    public void run(Spec spec, Duration timeout) {
        String service = spec.service();
        events.emit(new FerryEvent.Status(service, "starting one-off task"));
        RunTaskResponse started = OneOffTask.start(ecs, spec.cluster(), spec.taskDefinition(), "ferry-release",
                spec.subnets(), spec.securityGroup(), spec.publicIp());
        if (started.tasks().isEmpty()) {
            String reason = started.failures().isEmpty() ? "no task was started"
                    : started.failures().get(0).reason() + " " + String.valueOf(started.failures().get(0).detail());
            throw FerryException.failed("the release " + service + " could not start: " + reason.strip(),
                    "the services were not updated; fix the cause and run up again", null);
        }
        String taskArn = started.tasks().get(0).taskArn();
        Instant deadline = Instant.now().plus(timeout);
        String what = "the release task " + OneOffTask.id(taskArn) + " of " + service;
        String shown = "";
        while (true) {
            Task task = ecs.describeTasks(b -> b.cluster(spec.cluster()).tasks(taskArn)).tasks().get(0);
            String status = String.valueOf(task.lastStatus());
            if (!status.equals(shown)) {
                shown = status;
                events.emit(new FerryEvent.Status(service, status.toLowerCase(Locale.ROOT)));
            }
            if (status.equals("STOPPED")) {
                finish(spec, task);
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw FerryException.failed(what + " is still running after " + timeout.toMinutes() + " minutes",
                        "the services were not updated; `ferry tail --provider aws` shows it; run up again when it"
                                + " is done", null);
            }
            waiting.pause(what);
        }
    }

    private void finish(Spec spec, Task task) {
        Integer exit = OneOffTask.exitCode(task);
        if (exit != null && exit == 0) {
            events.emit(new FerryEvent.Status(spec.service(), "exited 0"));
            return;
        }
        String why = OneOffTask.ending(task);
        Container container = OneOffTask.container(task);
        events.emit(new FerryEvent.Status(spec.service(), why));
        String containerName = container == null ? spec.service() : container.name();
        String stream = spec.service() + "/" + containerName + "/" + OneOffTask.id(task.taskArn());
        List<String> lines = LogTail.last(logs, spec.logGroup(), stream);
        throw FerryException.failed("the release " + spec.service() + " failed (" + why + "); the services still"
                        + " run the previous version" + LogTail.indented(lines, spec.logGroup() + " " + stream),
                "fix the release command and run up again", null);
    }
}

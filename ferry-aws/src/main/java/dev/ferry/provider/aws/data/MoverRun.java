package dev.ferry.provider.aws.data;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.deploy.OneOffTask;
import dev.ferry.provider.aws.deploy.Waiting;
import dev.ferry.provider.aws.ops.AwsCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One mover task from start to exit: RunTask in the app stack's network (as the release runs), its log stream
 * followed live as {@link FerryEvent.Log} lines from {@value #SOURCE}, and the container's exit code turned into
 * ferry's (the task runs ferry, so its codes mean what ferry's mean): 0 returns, 1 FAILED with the last lines,
 * 2 BAD_INPUT, 3 ENVIRONMENT. An interrupt stops the task ({@link #stop}, also callable from a shutdown hook).
 */
public final class MoverRun {

    /** The source of the task's log lines in events. */
    public static final String SOURCE = "data-mover";
    static final int LAST_LINES = 30;

    /**
     * Where the task runs: the release task's networking, from the app stack's outputs.
     *
     * @param cluster the ECS cluster
     * @param subnets the task subnets
     * @param securityGroup the task security group (the databases admit it)
     * @param publicIp whether tasks need a public IP (no NAT: affordable mode)
     * @param logGroup the app stack's log group
     */
    public record Network(String cluster, List<String> subnets, String securityGroup, boolean publicIp,
                          String logGroup) {

        public Network {
            subnets = List.copyOf(subnets);
        }
    }

    private final EcsClient ecs;
    private final CloudWatchLogsClient logs;
    private final Waiting waiting;
    private final EventSink events;
    private final Deque<String> last = new ArrayDeque<>();
    private String taskArn;
    private String cluster;
    private boolean stopped;

    public MoverRun(EcsClient ecs, CloudWatchLogsClient logs, Waiting waiting, EventSink events) {
        this.ecs = ecs;
        this.logs = logs;
        this.waiting = waiting;
        this.events = events;
    }

    /** Runs the task to its end; returns normally only when ferry in the task exited 0. */
    public void run(Network network, String taskDefinitionArn, Duration timeout) {
        start(network, taskDefinitionArn);
        String stream = MoverTaskDefinition.stream(OneOffTask.id(taskArn));
        String what = "the data mover task " + OneOffTask.id(taskArn);
        Instant deadline = Instant.now().plus(timeout);
        String token = null;
        String shown = "";
        try {
            while (true) {
                Task task = call("ecs:DescribeTasks", () -> ecs.describeTasks(b -> b.cluster(network.cluster())
                        .tasks(taskArn)).tasks().get(0));
                String status = String.valueOf(task.lastStatus());
                if (!status.equals(shown)) {
                    shown = status;
                    events.emit(new FerryEvent.Status(SOURCE, status.toLowerCase(Locale.ROOT)));
                }
                token = follow(network.logGroup(), stream, token);
                if (status.equals("STOPPED")) {
                    synchronized (this) {
                        stopped = true;
                    }
                    // awslogs delivers the last lines a moment after the container ended
                    waiting.pause(what);
                    follow(network.logGroup(), stream, token);
                    finish(task, network.logGroup() + " " + stream);
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    stop("ferry stopped waiting after " + timeout.toMinutes() + " minutes");
                    throw FerryException.failed(what + " ran longer than " + timeout.toMinutes() + " minutes and was"
                            + " stopped; the target may hold a partial copy", "run the migration again with --force", null);
                }
                waiting.pause(what);
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || Waiting.isInterrupt(e)) {
                throw interrupted(what);
            }
            throw e;
        }
    }

    private void start(Network network, String taskDefinitionArn) {
        events.emit(new FerryEvent.Status(SOURCE, "starting a one-off task in " + network.cluster()));
        RunTaskResponse started = call("ecs:RunTask", () -> OneOffTask.start(ecs, network.cluster(),
                taskDefinitionArn, "ferry-data-mover", network.subnets(), network.securityGroup(), network.publicIp()));
        if (started.tasks().isEmpty()) {
            String reason = started.failures().isEmpty() ? "no task was started"
                    : String.valueOf(started.failures().get(0).reason());
            throw FerryException.failed("the data mover task could not start: " + reason.strip(),
                    "nothing was copied; check the cluster's capacity and run again", null);
        }
        synchronized (this) {
            taskArn = started.tasks().get(0).taskArn();
            cluster = network.cluster();
        }
        events.emit(new FerryEvent.Detail("task " + taskArn + ", its log stream " + network.logGroup() + " "
                + MoverTaskDefinition.stream(OneOffTask.id(taskArn))));
    }

    /** Emits the lines written since {@code token}; returns the token to read on from. */
    private String follow(String group, String stream, String token) {
        String next = token;
        while (true) {
            String from = next;
            GetLogEventsResponse page;
            try {
                page = logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true)
                        .nextToken(from));
            } catch (ResourceNotFoundException e) {
                return from; // the container has not written yet: awslogs makes the stream with its first line
            } catch (SdkException e) {
                if (Waiting.isInterrupt(e)) {
                    throw e;
                }
                throw AwsCall.map("logs:GetLogEvents", e);
            }
            for (OutputLogEvent event : page.events()) {
                String line = event.message() == null ? "" : event.message().stripTrailing();
                events.emit(new FerryEvent.Log(SOURCE, line));
                last.addLast(line);
                if (last.size() > LAST_LINES) {
                    last.removeFirst();
                }
            }
            String forward = page.nextForwardToken();
            if (page.events().isEmpty() || forward == null || forward.equals(from)) {
                return forward == null ? from : forward;
            }
            next = forward;
        }
    }

    private void finish(Task task, String where) {
        Integer exit = OneOffTask.exitCode(task);
        if (exit != null && exit == 0) {
            events.emit(new FerryEvent.Status(SOURCE, "exited 0: copied and verified"));
            return;
        }
        String why = OneOffTask.ending(task);
        events.emit(new FerryEvent.Status(SOURCE, why));
        String tail = lastLines(where);
        if (exit != null && exit == 2) {
            throw FerryException.badInput("the data mover task refused the move (exit 2): its output above says why"
                    + tail, "a non-empty target is replaced only with --force (the task listed what it would drop);"
                    + " otherwise fix what the output names and run again");
        }
        if (exit != null && exit == 3) {
            throw FerryException.environment("the data mover task could not reach a database (exit 3)" + tail,
                    "the source must accept connections from the stack's VPC (Heroku's databases do); check the"
                            + " lines above and run again");
        }
        throw FerryException.failed("the data mover task failed (" + why + "); the target may hold a partial copy"
                + tail, "read the lines above, then run again with --force to replace the partial copy", null);
    }

    private String lastLines(String where) {
        if (last.isEmpty()) {
            return "\n    (no log lines in " + where + ")";
        }
        StringBuilder text = new StringBuilder("\n    last lines of " + where + ":");
        last.forEach(l -> text.append("\n    ").append(l));
        return text.toString();
    }

    /**
     * Stops the task if it was started and has not stopped; does nothing otherwise. Safe to call twice and from a
     * shutdown hook; clears the caller's interrupt flag for the call (an interrupted SDK call would abort) and sets
     * it again.
     */
    public void stop(String reason) {
        String arn;
        String where;
        synchronized (this) {
            if (taskArn == null || stopped) {
                return;
            }
            stopped = true;
            arn = taskArn;
            where = cluster;
        }
        boolean interrupted = Thread.interrupted();
        try {
            call("ecs:StopTask", () -> ecs.stopTask(b -> b.cluster(where).task(arn).reason(reason)));
            events.emit(new FerryEvent.Status(SOURCE, "stopped (" + reason + ")"));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FerryException interrupted(String what) {
        stop("interrupted by the user");
        Thread.currentThread().interrupt();
        return FerryException.failed("interrupted: " + what + " was stopped; the target may hold a partial copy",
                "run the migration again with --force to replace it", null);
    }

    /**
     * One SDK call mapped through {@link AwsCall}, except when an interrupt (Ctrl-C) cut it short: that stays an
     * interrupt, so that the caller stops the task rather than reporting AWS as unreachable.
     */
    static <T> T call(String action, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (Waiting.isInterrupt(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw AwsCall.map(action, e);
        }
    }
}

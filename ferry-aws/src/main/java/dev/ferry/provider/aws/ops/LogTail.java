package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.Waiting;
import dev.ferry.provider.aws.template.AppStackOutputs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * {@code ferry compose logs} (and {@code ferry tail}) for AWS: CloudWatch Logs FilterLogEvents on the app stack's
 * log group, whose streams are named SERVICE/CONTAINER/TASK-ID (the awslogs stream prefix is the service name).
 * Each line becomes a {@link FerryEvent.Log} from its service. Following polls from the newest timestamp seen and
 * drops the events already shown (by eventId), until the thread is interrupted.
 */
public final class LogTail {

    /** Following without --since starts this far back, rather than at the log group's first line. */
    static final Duration FOLLOW_BACKLOG = Duration.ofMinutes(10);

    private final CloudWatchLogsClient logs;
    private final CloudFormationClient cloudFormation;
    private final Duration poll;
    private final Clock clock;

    public LogTail(CloudWatchLogsClient logs, CloudFormationClient cloudFormation, Duration poll, Clock clock) {
        this.logs = logs;
        this.cloudFormation = cloudFormation;
        this.poll = poll;
        this.clock = clock;
    }

    /** Blocks while following; returns when done or when the thread is interrupted (Ctrl-C). */
    public void logs(LoadedCompose compose, AwsSettings settings, LogOptions options, EventSink events) {
        Map<String, String> services = services(compose, options);
        String group = DeployedStack.require(cloudFormation, settings).outputs().get(AppStackOutputs.LOG_GROUP);
        if (group == null || group.isEmpty()) {
            throw FerryException.failed("stack " + settings.appStackName() + " has no " + AppStackOutputs.LOG_GROUP
                    + " output", "run ferry compose up --provider aws to update it", null);
        }
        Long start = null;
        if (options.since() != null) {
            start = Since.parse(options.since(), clock.instant()).toEpochMilli();
        } else if (options.follow()) {
            start = clock.instant().minus(FOLLOW_BACKLOG).toEpochMilli();
        }
        // one filter for all services, else one per chosen service (FilterLogEvents takes a single prefix)
        List<String> prefixes = options.services().isEmpty() ? java.util.Collections.singletonList(null)
                : services.keySet().stream().map(s -> s + "/").toList();
        Seen seen = new Seen();
        List<FilteredLogEvent> first = new ArrayList<>();
        for (String prefix : prefixes) {
            first.addAll(read(group, prefix, start));
        }
        emit(lastLines(first, options.tail(), services), services, seen, events);
        while (options.follow() && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<FilteredLogEvent> fresh = new ArrayList<>();
            for (String prefix : prefixes) {
                fresh.addAll(read(group, prefix, seen.newest().orElse(start)));
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            emit(fresh, services, seen, events);
        }
    }

    /** The chosen services by their stream prefix (the service name); all of the file's when none is chosen. */
    private static Map<String, String> services(LoadedCompose compose, LogOptions options) {
        Map<String, String> all = new LinkedHashMap<>();
        compose.project().services().stream().map(ComposeService::name).forEach(n -> all.put(n, n));
        if (options.services().isEmpty()) {
            return all;
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : options.services()) {
            if (!all.containsKey(name)) {
                throw FerryException.badInput("no service \"" + name + "\" in " + compose.file().getFileName(),
                        "choose from: " + String.join(", ", all.keySet()));
            }
            chosen.put(name, name);
        }
        return chosen;
    }

    private List<FilteredLogEvent> read(String group, String prefix, Long start) {
        List<FilteredLogEvent> found = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                FilterLogEventsResponse page = logs.filterLogEvents(b -> b
                        .logGroupName(group).logStreamNamePrefix(prefix).startTime(start).nextToken(next));
                found.addAll(page.events());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (ResourceNotFoundException e) {
            return List.of(); // no task has written a line yet: the group is made on the first
        } catch (SdkException e) {
            if (interrupted(e)) {
                Thread.currentThread().interrupt(); // interrupted during a call: the follow loop ends
                return List.of();
            }
            throw AwsCall.map("logs:FilterLogEvents", e);
        }
        return found;
    }

    /** Whether a failed call was cut short by an interrupt (the SDK reports it as aborted or as an I/O failure). */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        return Waiting.isInterrupt(e);
    }

    /** The last {@code tail} lines of each service (all when tail is negative), oldest first. */
    private static List<FilteredLogEvent> lastLines(List<FilteredLogEvent> events, int tail,
                                                    Map<String, String> services) {
        List<FilteredLogEvent> sorted = events.stream().sorted(ORDER).toList();
        if (tail < 0) {
            return sorted;
        }
        Map<String, Deque<FilteredLogEvent>> last = new HashMap<>();
        for (FilteredLogEvent event : sorted) {
            Deque<FilteredLogEvent> lines = last.computeIfAbsent(source(event, services), s -> new ArrayDeque<>());
            lines.addLast(event);
            if (lines.size() > tail) {
                lines.removeFirst();
            }
        }
        return last.values().stream().flatMap(Deque::stream).sorted(ORDER).toList();
    }

    private static void emit(List<FilteredLogEvent> events, Map<String, String> services, Seen seen, EventSink sink) {
        for (FilteredLogEvent event : events.stream().sorted(ORDER).toList()) {
            if (seen.add(event)) {
                String message = event.message() == null ? "" : event.message().stripTrailing();
                sink.emit(new FerryEvent.Log(source(event, services), message));
            }
        }
    }

    /** The service a stream belongs to: the part of SERVICE/CONTAINER/TASK-ID before the first slash. */
    private static String source(FilteredLogEvent event, Map<String, String> services) {
        String stream = event.logStreamName() == null ? "" : event.logStreamName();
        int slash = stream.indexOf('/');
        String prefix = slash < 0 ? stream : stream.substring(0, slash);
        return services.getOrDefault(prefix, prefix);
    }

    private static final Comparator<FilteredLogEvent> ORDER = Comparator
            .comparing((FilteredLogEvent e) -> e.timestamp() == null ? 0L : e.timestamp())
            .thenComparing(e -> e.eventId() == null ? "" : e.eventId());

    /** The eventIds shown, kept only near the newest timestamp (the next poll starts there, inclusive). */
    private static final class Seen {
        private final Map<String, Long> ids = new HashMap<>();
        private Long newest;

        boolean add(FilteredLogEvent event) {
            long at = event.timestamp() == null ? 0L : event.timestamp();
            if (ids.putIfAbsent(String.valueOf(event.eventId()), at) != null) {
                return false;
            }
            if (newest == null || at > newest) {
                newest = at;
                // ids older than the next poll's start can never come back
                ids.values().removeIf(t -> t < newest);
            }
            return true;
        }

        Optional<Long> newest() {
            return Optional.ofNullable(newest);
        }
    }
}

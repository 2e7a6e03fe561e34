package dev.ferry.provider.aws.ops;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Follows a CloudFormation stack while an operation is in progress: each new stack event becomes a status line per
 * resource ("Database  delete in progress"), until the stack settles (or is gone, after a delete). The minimal
 * watcher ops needs for down and tail; the deployer's own event polling is the fuller one.
 */
public final class StackWatch {

    private final CloudFormationClient cloudFormation;
    private final Duration poll;
    private final Set<String> seen = new HashSet<>();

    public StackWatch(CloudFormationClient cloudFormation, Duration poll) {
        this.cloudFormation = cloudFormation;
        this.poll = poll;
    }

    /**
     * Emits the stack's events after {@code since} until it leaves the *_IN_PROGRESS states.
     *
     * @param stackId the stack's id, so that its events can still be read once it is deleted
     * @return the final status (DELETE_COMPLETE after a delete), or empty when the stack cannot be found
     * @throws InterruptedException when the thread is interrupted (Ctrl-C in tail)
     */
    public Optional<String> until(String stackId, Instant since, EventSink events) throws InterruptedException {
        while (true) {
            Optional<DeployedStack> stack = DeployedStack.find(cloudFormation, stackId);
            emitNew(stackId, since, events);
            if (stack.isEmpty() || !stack.get().inProgress() || stack.get().status().equals("DELETE_COMPLETE")) {
                return stack.map(DeployedStack::status);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The reasons of the failed resources among the events seen, for the error message. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private final List<String> failures = new ArrayList<>();

    private void emitNew(String stackId, Instant since, EventSink events) {
        List<StackEvent> fresh = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                DescribeStackEventsResponse page = cloudFormation.describeStackEvents(b -> b.stackName(stackId)
                        .nextToken(next));
                boolean older = false;
                for (StackEvent event : page.stackEvents()) {
                    // newest first: stop at the first event before the operation began
                    if (event.timestamp() != null && event.timestamp().isBefore(since)) {
                        older = true;
                        break;
                    }
                    if (seen.add(event.eventId())) {
                        fresh.add(event);
                    }
                }
                token = older ? null : page.nextToken();
            } while (token != null);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return; // deleted between the two calls
            }
            throw AwsCall.map("cloudformation:DescribeStackEvents", e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsCall.map("cloudformation:DescribeStackEvents", e);
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            StackEvent event = fresh.get(i);
            String status = event.resourceStatusAsString() == null ? "" : event.resourceStatusAsString();
            String reason = event.resourceStatusReason() == null ? "" : event.resourceStatusReason();
            if (status.endsWith("_FAILED") && !reason.isEmpty()) {
                failures.add(event.logicalResourceId() + ": " + reason);
            }
            events.emit(new FerryEvent.Status(event.logicalResourceId(), words(status)
                    + (status.endsWith("_FAILED") && !reason.isEmpty() ? " (" + reason + ")" : "")));
        }
    }

    /** DELETE_IN_PROGRESS → delete in progress. */
    static String words(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

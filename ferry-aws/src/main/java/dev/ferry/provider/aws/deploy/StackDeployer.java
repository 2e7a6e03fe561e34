package dev.ferry.provider.aws.deploy;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates or updates a CloudFormation stack through a change set and watches it: each new stack event becomes a
 * {@link FerryEvent.Status} as it happens; a change set without changes is success; a rollback fails naming the
 * first resource that failed and why.
 */
public final class StackDeployer {

    /** CloudFormation's limit for TemplateBody; larger templates go through S3 and TemplateURL. */
    static final int INLINE_TEMPLATE_LIMIT = 51_200;

    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final Waiting waiting;
    private final EventSink events;

    public StackDeployer(CloudFormationClient cloudFormation, S3Client s3, Waiting waiting, EventSink events) {
        this.cloudFormation = cloudFormation;
        this.s3 = s3;
        this.waiting = waiting;
        this.events = events;
    }

    /** The stack as it is now; empty when there is none. */
    public Optional<StackState> describe(String stackName) {
        List<Stack> stacks;
        try {
            stacks = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks();
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
        return stacks.stream().findFirst().map(StackDeployer::state);
    }

    /** Creates or updates the stack and waits until it is done; returns it as it ends. */
    public StackState deploy(StackRequest request) {
        String name = request.stackName();
        Optional<StackState> before = describe(name);
        before.ifPresent(StackDeployer::requireDeployable);
        boolean create = before.isEmpty() || before.get().status().equals("REVIEW_IN_PROGRESS");
        events.emit(new FerryEvent.Step((create ? "Creating" : "Updating") + " stack " + name));
        String changeSet = cloudFormation.createChangeSet(b -> {
            b.stackName(name).changeSetName("ferry-" + System.currentTimeMillis())
                    .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                    .parameters(request.parameters().stream().map(StackParameter::toSdk).toList())
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                    .tags(request.tags().entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
            template(request).ifPresentOrElse(b::templateURL, () -> b.templateBody(request.templateBody()));
        }).id();
        DescribeChangeSetResponse described = awaitChangeSet(name, changeSet);
        if (described.statusAsString().equals("FAILED")) {
            if (isNoChange(described.statusReason())) {
                cloudFormation.deleteChangeSet(b -> b.stackName(name).changeSetName(changeSet));
                events.emit(new FerryEvent.Status(name, "no changes"));
                return before.orElseThrow();
            }
            throw FerryException.failed("CloudFormation refused the change to stack " + name + ": "
                    + described.statusReason(), "fix the template input named above and run up again", null);
        }
        Set<String> seen = new HashSet<>();
        recentEvents(name).forEach(e -> seen.add(e.eventId()));
        cloudFormation.executeChangeSet(b -> b.stackName(name).changeSetName(changeSet));
        return watch(name, seen);
    }

    private Optional<String> template(StackRequest request) {
        byte[] body = request.templateBody().getBytes(StandardCharsets.UTF_8);
        if (body.length <= INLINE_TEMPLATE_LIMIT) {
            return Optional.empty();
        }
        String bucket = request.templateBucket().orElseThrow(() -> new IllegalStateException(
                "template of " + request.stackName() + " exceeds " + INLINE_TEMPLATE_LIMIT + " bytes and has no bucket"));
        String key = "templates/" + request.stackName() + "/" + Hashes.sha256(body).substring(0, 16) + ".json";
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(body));
        String region = s3.serviceClientConfiguration().region().id();
        return Optional.of("https://" + bucket + ".s3." + region + ".amazonaws.com/" + key);
    }

    private DescribeChangeSetResponse awaitChangeSet(String name, String changeSet) {
        while (true) {
            DescribeChangeSetResponse response = cloudFormation.describeChangeSet(
                    b -> b.stackName(name).changeSetName(changeSet));
            String status = response.statusAsString();
            if (status.equals("CREATE_COMPLETE") || status.equals("FAILED")) {
                return response;
            }
            waiting.pause("the change set for stack " + name);
        }
    }

    private StackState watch(String name, Set<String> seen) {
        List<StackEvent> run = new ArrayList<>();
        while (true) {
            StackState state = describe(name).orElseThrow(() -> FerryException.failed(
                    "stack " + name + " disappeared while ferry was deploying it", "run up again", null));
            List<StackEvent> fresh = new ArrayList<>(recentEvents(name).stream()
                    .filter(e -> seen.add(e.eventId())).toList());
            java.util.Collections.reverse(fresh); // DescribeStackEvents lists the newest first
            for (StackEvent event : fresh) {
                run.add(event);
                String reason = event.resourceStatusReason();
                events.emit(new FerryEvent.Status(event.logicalResourceId(), event.resourceStatusAsString()
                        + (reason == null || reason.isBlank() ? "" : ": " + reason)));
            }
            if (!state.status().endsWith("_IN_PROGRESS")) {
                if (state.isComplete()) {
                    return state;
                }
                throw rolledBack(state, run);
            }
            waiting.pause("the stack " + name);
        }
    }

    private List<StackEvent> recentEvents(String name) {
        return cloudFormation.describeStackEvents(b -> b.stackName(name)).stackEvents();
    }

    /** The first resource that failed names the cause; the cancellations that follow it do not. */
    private static FerryException rolledBack(StackState state, List<StackEvent> run) {
        List<StackEvent> failed = run.stream().filter(e -> e.resourceStatusAsString().endsWith("_FAILED")
                && !e.logicalResourceId().equals(state.name())).toList();
        Optional<StackEvent> cause = failed.stream().filter(e -> !String.valueOf(e.resourceStatusReason())
                .contains("cancelled")).findFirst().or(() -> failed.stream().findFirst());
        String what = cause.map(e -> e.logicalResourceId() + " (" + e.resourceType() + ") "
                + e.resourceStatusAsString() + ": " + e.resourceStatusReason()).orElse("no resource reported a failure");
        String fix = state.status().equals("ROLLBACK_COMPLETE")
                ? "fix the cause, delete the empty stack (`aws cloudformation delete-stack --stack-name " + state.name()
                        + "`) and run up again"
                : "fix the cause and run up again; the previous version keeps running";
        return FerryException.failed("stack " + state.name() + " failed (" + state.status() + "): " + what, fix, null);
    }

    /** A stack another run is changing, or one CloudFormation left stuck, cannot take a change set. */
    static void requireDeployable(StackState state) {
        String name = state.name();
        if (state.isBusy()) {
            throw FerryException.environment("stack " + name + " is busy (" + state.status() + ") with another run",
                    "wait until it finishes (`ferry tail --provider aws` shows it), then run up again");
        }
        switch (state.status()) {
            case "UPDATE_ROLLBACK_FAILED" -> throw FerryException.environment("stack " + name
                    + " is stuck in UPDATE_ROLLBACK_FAILED", "run `aws cloudformation continue-update-rollback"
                    + " --stack-name " + name + "`, wait for UPDATE_ROLLBACK_COMPLETE, then run up again");
            case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "CREATE_FAILED", "DELETE_FAILED" -> throw
                    FerryException.environment("stack " + name + " cannot be updated (" + state.status()
                            + "): its first create failed", "delete it (`aws cloudformation delete-stack --stack-name "
                            + name + "`), then run up again");
            default -> { }
        }
    }

    private static boolean isNoChange(String reason) {
        String text = String.valueOf(reason);
        return text.contains("didn't contain changes") || text.contains("No updates are to be performed");
    }

    private static StackState state(Stack stack) {
        Map<String, String> parameters = new LinkedHashMap<>();
        stack.parameters().forEach(p -> parameters.put(p.parameterKey(), String.valueOf(p.parameterValue())));
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), String.valueOf(o.outputValue())));
        Map<String, String> tags = new LinkedHashMap<>();
        stack.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new StackState(stack.stackName(), stack.stackStatusAsString(), parameters, outputs, tags);
    }
}

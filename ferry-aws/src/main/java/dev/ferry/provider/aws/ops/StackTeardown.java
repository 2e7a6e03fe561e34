package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code ferry compose down} for AWS: deletes the app stack and waits, showing its events. What happens to the
 * managed databases is read from the stack's template (the mode's DeletionPolicy: a final snapshot, or none) and
 * said in the output; the config values stay in SSM. With {@code forceDestroy} the stack is first updated with the
 * same template but every database set to DeletionPolicy Delete (and RDS deletion protection off), every parameter
 * unchanged, and the parameters under the prefix are deleted too. The bootstrap stack (bucket, repository, build
 * project) is shared by every project in the account and is never deleted here.
 */
public final class StackTeardown {

    private final CloudFormationClient cloudFormation;
    private final SsmClient ssm;
    private final SsmConfigStore store;
    private final Duration poll;

    public StackTeardown(CloudFormationClient cloudFormation, SsmClient ssm, SsmConfigStore store, Duration poll) {
        this.cloudFormation = cloudFormation;
        this.ssm = ssm;
        this.store = store;
        this.poll = poll;
    }

    public void down(AwsSettings settings, boolean forceDestroy, EventSink events) {
        down(settings, forceDestroy, events, id -> DatabasePolicies.of(cloudFormation, id));
    }

    /**
     * The same, with the databases' policies from {@code policies} (stack id → policies): the caller may have read
     * the template already, for the question before the down.
     */
    public void down(AwsSettings settings, boolean forceDestroy, EventSink events,
                     Function<String, DatabasePolicies> policies) {
        String name = settings.appStackName();
        Optional<DeployedStack> found = DeployedStack.find(cloudFormation, name);
        if (found.isEmpty()) {
            events.emit(new FerryEvent.Step("Nothing to delete: stack " + name + " does not exist in " + settings.region()));
        } else {
            DeployedStack stack = found.get();
            if (stack.inProgress()) {
                throw FerryException.failed("stack " + name + " is busy (" + StackWatch.words(stack.status()) + ")",
                        "wait for it to finish (ferry tail --provider aws shows its progress), then run down again", null);
            }
            DatabasePolicies databases = policies.apply(stack.id());
            if (forceDestroy && !databases.snapshotted().isEmpty()) {
                allowDatabaseDeletion(stack, databases, events);
            }
            delete(stack, events);
            if (!forceDestroy && !databases.snapshotted().isEmpty()) {
                events.emit(new FerryEvent.Step("Kept as final snapshots: " + String.join(", ", databases.snapshotted())
                        + " (RDS and ElastiCache consoles, Snapshots); --force-destroy deletes databases without one"));
            }
            List<String> gone = forceDestroy ? all(databases) : databases.unsnapshotted();
            if (!gone.isEmpty()) {
                events.emit(new FerryEvent.Step("Deleted without a final snapshot: " + String.join(", ", gone)));
            }
        }
        if (forceDestroy) {
            deleteConfig(settings, events);
        } else {
            events.emit(new FerryEvent.Step("The config values stay in " + store.description()
                    + " (ferry config rm, or down --force-destroy, removes them)"));
        }
        events.emit(new FerryEvent.Step("The shared " + AwsSettings.bootstrapStackName()
                + " stack (build bucket, image repository) is kept for other projects"));
    }

    private void allowDatabaseDeletion(DeployedStack stack, DatabasePolicies databases, EventSink events) {
        String body = databases.withoutSnapshots();
        events.emit(new FerryEvent.Step("Setting " + String.join(", ", databases.snapshotted())
                + " to be deleted without a final snapshot..."));
        List<Parameter> parameters = stack.parameters().keySet().stream()
                .map(key -> Parameter.builder().parameterKey(key).usePreviousValue(true).build()).toList();
        Instant start = Instant.now().minusSeconds(5);
        AwsCall.run("cloudformation:UpdateStack", () -> cloudFormation.updateStack(b -> b.stackName(stack.name())
                .templateBody(body).parameters(parameters)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND)));
        StackWatch watch = new StackWatch(cloudFormation, poll);
        String status = await(() -> watch.until(stack.id(), start, events)).orElse("DELETED");
        if (!status.equals("UPDATE_COMPLETE")) {
            throw FerryException.failed("could not change the deletion policy of stack " + stack.name() + " ("
                    + StackWatch.words(status) + ")" + reasons(watch), "nothing was deleted; see the stack's events", null);
        }
    }

    private static List<String> all(DatabasePolicies databases) {
        List<String> all = new ArrayList<>(databases.snapshotted());
        all.addAll(databases.unsnapshotted());
        return all;
    }

    private void delete(DeployedStack stack, EventSink events) {
        String name = stack.name();
        events.emit(new FerryEvent.Step("Deleting stack " + name + "..."));
        Instant start = Instant.now().minusSeconds(5);
        AwsCall.run("cloudformation:DeleteStack", () -> cloudFormation.deleteStack(b -> b.stackName(name)));
        StackWatch watch = new StackWatch(cloudFormation, poll);
        Optional<String> status = await(() -> watch.until(stack.id(), start, events));
        if (status.isPresent() && !status.get().equals("DELETE_COMPLETE")) {
            throw FerryException.failed("stack " + name + " was not deleted (" + StackWatch.words(status.get()) + ")"
                    + reasons(watch), "fix what blocks it, then run ferry compose down again", null);
        }
        events.emit(new FerryEvent.Step("Deleted stack " + name));
    }

    private void deleteConfig(AwsSettings settings, EventSink events) {
        SortedSet<String> names = store.names();
        List<String> parameters = names.stream().map(store::parameterName).toList();
        // DeleteParameters takes at most 10 names a call
        for (int from = 0; from < parameters.size(); from += 10) {
            List<String> batch = parameters.subList(from, Math.min(parameters.size(), from + 10));
            AwsCall.run("ssm:DeleteParameters", () -> ssm.deleteParameters(b -> b.names(batch)));
        }
        events.emit(new FerryEvent.Step("Deleted " + names.size() + " config value" + (names.size() == 1 ? "" : "s")
                + " from " + store.description()));
    }

    private static String reasons(StackWatch watch) {
        return watch.failures().isEmpty() ? "" : ": " + String.join("; ", watch.failures());
    }

    private interface Wait<T> {
        T get() throws InterruptedException;
    }

    private static <T> T await(Wait<T> wait) {
        try {
            return wait.get();
        } catch (InterruptedException e) {
            throw Waiting.detached("the stack operation", "watch it with ferry tail --provider aws");
        }
    }
}

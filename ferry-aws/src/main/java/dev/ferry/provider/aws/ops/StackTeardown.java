package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.AppStackOutputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code ferry compose down} for AWS: deletes the app stack and waits, showing its events. Managed databases leave
 * a final snapshot (the template's DeletionPolicy is Snapshot) and the config values stay in SSM, unless
 * {@code forceDestroy}: then the stack is first updated with {@link #DELETION_POLICY_PARAMETER}=Delete (same
 * template, every other parameter unchanged) and the parameters under the prefix are deleted too. The bootstrap
 * stack (bucket, repository, build project) is shared by every project in the account and is never deleted here.
 */
public final class StackTeardown {

    /**
     * The app stack's parameter that the databases' DeletionPolicy (and RDS DeletionProtection) follow: Snapshot
     * (default) or Delete. Contract with the template (aws-template): DeletionPolicy: !Ref DatabaseDeletionPolicy
     * under the AWS::LanguageExtensions transform.
     */
    public static final String DELETION_POLICY_PARAMETER = "DatabaseDeletionPolicy";

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
            boolean databases = stack.outputs().keySet().stream().anyMatch(k -> k.startsWith(AppStackOutputs.ENDPOINT_PREFIX));
            if (forceDestroy && databases) {
                allowDatabaseDeletion(stack, events);
            }
            delete(stack, events);
            if (databases) {
                events.emit(new FerryEvent.Step(forceDestroy ? "The databases were deleted without a final snapshot"
                        : "The databases were kept as final snapshots (RDS and ElastiCache consoles, Snapshots); "
                                + "--force-destroy deletes them without one"));
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

    private void allowDatabaseDeletion(DeployedStack stack, EventSink events) {
        if (!stack.parameters().containsKey(DELETION_POLICY_PARAMETER)) {
            throw FerryException.failed("stack " + stack.name() + " has no " + DELETION_POLICY_PARAMETER
                    + " parameter, so its databases cannot be deleted without a final snapshot",
                    "run ferry compose up --provider aws to update the stack first, or run down without --force-destroy "
                            + "and delete the snapshots in the RDS console", null);
        }
        if ("Delete".equals(stack.parameters().get(DELETION_POLICY_PARAMETER))) {
            return;
        }
        events.emit(new FerryEvent.Step("Setting the databases' deletion policy to Delete (no final snapshot)..."));
        List<Parameter> parameters = new ArrayList<>();
        for (String key : stack.parameters().keySet()) {
            parameters.add(key.equals(DELETION_POLICY_PARAMETER)
                    ? Parameter.builder().parameterKey(key).parameterValue("Delete").build()
                    : Parameter.builder().parameterKey(key).usePreviousValue(true).build());
        }
        Instant start = Instant.now().minusSeconds(5);
        AwsCall.run("cloudformation:UpdateStack", () -> cloudFormation.updateStack(b -> b.stackName(stack.name())
                .usePreviousTemplate(true).parameters(parameters)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND)));
        StackWatch watch = new StackWatch(cloudFormation, poll);
        String status = await(() -> watch.until(stack.id(), start, events)).orElse("DELETED");
        if (!status.equals("UPDATE_COMPLETE")) {
            throw FerryException.failed("could not set the deletion policy of stack " + stack.name() + " ("
                    + StackWatch.words(status) + ")" + reasons(watch), "nothing was deleted; see the stack's events", null);
        }
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
            Thread.currentThread().interrupt();
            throw FerryException.failed("stopped waiting; the stack operation goes on in AWS",
                    "watch it with ferry tail --provider aws", null);
        }
    }
}

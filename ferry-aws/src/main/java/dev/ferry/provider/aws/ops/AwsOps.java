package dev.ferry.provider.aws.ops;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operations side of the aws provider, as AwsProvider delegates to it: config store, ps, logs, tail, down.
 * Clients are made on first use and live as long as the command. FERRY_AWS_POLL_MILLIS shortens the polling of
 * stacks and logs (tests); the default is what AWS's own consoles use.
 */
public final class AwsOps {

    static final Duration DEFAULT_POLL = Duration.ofSeconds(3);

    private final Map<String, String> env;
    private final ProviderSettings settings;
    private final Supplier<AwsClients> clients;
    private AwsClients ownClients;
    private final Map<String, DatabasePolicies> policiesRead = new java.util.concurrent.ConcurrentHashMap<>();

    /** Operations with clients of their own, made on first use. */
    public AwsOps(Map<String, String> env, ProviderSettings settings) {
        this.env = Map.copyOf(env);
        this.settings = settings;
        this.clients = this::ownClients;
    }

    /** Operations over the caller's clients (the provider's, shared with its deploys). */
    public AwsOps(Map<String, String> env, ProviderSettings settings, Supplier<AwsClients> clients) {
        this.env = Map.copyOf(env);
        this.settings = settings;
        this.clients = clients;
    }

    public SsmConfigStore configStore(Path projectDir) {
        return configStore(settings(ProjectNames.of(projectDir)));
    }

    public List<ServiceStatus> ps(LoadedCompose compose) {
        return new ServiceStates(clients().cloudFormation(), clients().ecs()).of(compose, settings(compose.projectName()));
    }

    public void logs(LoadedCompose compose, LogOptions options, EventSink events) {
        new LogTail(clients().logs(), clients().cloudFormation(), poll(), Clock.systemUTC())
                .logs(compose, settings(compose.projectName()), options, events);
    }

    /**
     * {@code ferry tail}: while a deploy is in progress, the app stack's events until it settles; then the services'
     * logs, followed until interrupted.
     */
    public void tail(LoadedCompose compose, LogOptions options, EventSink events) {
        AwsSettings aws = settings(compose.projectName());
        try {
            watchBuilds(aws, events);
            Optional<DeployedStack> stack = DeployedStack.find(clients().cloudFormation(), aws.appStackName());
            if (stack.isPresent() && stack.get().inProgress()) {
                events.emit(new FerryEvent.Step("Stack " + aws.appStackName() + " is changing ("
                        + StackWatch.words(stack.get().status()) + "); its events until it settles:"));
                Optional<String> status = new StackWatch(clients().cloudFormation(), poll())
                        .until(stack.get().id(), Instant.now().minus(Duration.ofMinutes(5)), events);
                events.emit(new FerryEvent.Step("Stack " + aws.appStackName() + ": "
                        + status.map(StackWatch::words).orElse("delete complete")));
                if (status.isEmpty() || status.get().equals("DELETE_COMPLETE")) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        logs(compose, new LogOptions(options.services(), true, options.tail(), options.since()), events);
    }

    /** The project's image builds in progress in the bootstrap's CodeBuild project, until they end. */
    private void watchBuilds(AwsSettings aws, EventSink events) throws InterruptedException {
        Optional<DeployedStack> bootstrap = DeployedStack.find(clients().cloudFormation(), AwsSettings.bootstrapStackName());
        String buildProject = bootstrap.map(b -> b.outputs().get(BootstrapOutputs.BUILD_PROJECT)).orElse(null);
        if (buildProject != null && new BuildWatch(clients().codeBuild(), poll()).until(buildProject, aws.project(), events)) {
            events.emit(new FerryEvent.Step("Image builds finished"));
        }
    }

    /**
     * The databases a down would delete without a final snapshot: all of them with --force-destroy, else those whose
     * DeletionPolicy in the deployed template is Delete (the affordable mode's). Empty when nothing is deployed.
     */
    public List<String> dataDeletedByDown(LoadedCompose compose, boolean forceDestroy) {
        AwsSettings aws = settings(compose.projectName());
        Optional<DeployedStack> stack = DeployedStack.find(clients().cloudFormation(), aws.appStackName());
        if (stack.isEmpty()) {
            return List.of();
        }
        DatabasePolicies databases = policies(stack.get().id());
        List<String> lost = new ArrayList<>(databases.unsnapshotted());
        if (forceDestroy) {
            lost.addAll(0, databases.snapshotted());
        }
        return lost.stream().map(id -> id + " (no final snapshot)").toList();
    }

    public void down(LoadedCompose compose, boolean forceDestroy, EventSink events) {
        AwsSettings aws = settings(compose.projectName());
        new StackTeardown(clients().cloudFormation(), clients().ssm(), configStore(aws), poll())
                .down(aws, forceDestroy, events, this::policies);
    }

    /**
     * The databases' deletion policies of a stack, from its template: read once per command, so that the down acts
     * on the template the question before it was asked from (GetTemplate once, not twice).
     */
    private DatabasePolicies policies(String stackId) {
        return policiesRead.computeIfAbsent(stackId, id -> DatabasePolicies.of(clients().cloudFormation(), id));
    }

    /** The store of a project whose settings are known (its compose file loaded). */
    public SsmConfigStore configStore(AwsSettings aws) {
        return new SsmConfigStore(clients().ssm(), aws);
    }

    private AwsSettings settings(String project) {
        return new AwsSettings(AwsClients.regionName(env), project, settings);
    }

    private AwsClients clients() {
        return clients.get();
    }

    private synchronized AwsClients ownClients() {
        if (ownClients == null) {
            ownClients = new AwsClients(env);
        }
        return ownClients;
    }

    private Duration poll() {
        return poll(env, DEFAULT_POLL);
    }

    /** The pause between polls: FERRY_AWS_POLL_MILLIS when set (tests, the local fake), else {@code standard}. */
    public static Duration poll(Map<String, String> env, Duration standard) {
        String millis = env.get("FERRY_AWS_POLL_MILLIS");
        return millis != null && millis.matches("\\d{1,6}") ? Duration.ofMillis(Long.parseLong(millis)) : standard;
    }
}

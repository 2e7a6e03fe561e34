package dev.ferry.provider.aws;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.Provider;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import dev.ferry.provider.aws.deploy.AwsDeployment;
import dev.ferry.provider.aws.deploy.Templates;
import dev.ferry.provider.aws.deploy.Waiting;
import dev.ferry.provider.aws.ops.AwsCall;
import dev.ferry.provider.aws.ops.AwsOps;
import software.amazon.awssdk.core.exception.SdkException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys a compose project to the user's AWS account: images built by CodeBuild from each service's build plan,
 * one CloudFormation stack per project and stack name (VPC, ECS Fargate, ALB, RDS, ElastiCache), config from SSM
 * Parameter Store. Deploying lives in {@code .deploy} (render, plan, up), operating in {@code .ops} (config store,
 * ps, logs, tail, down); this class only joins them behind the Provider interface.
 */
public final class AwsProvider implements Provider {

    /** The service keys the aws provider acts on; others are reported as unsupported-key findings. */
    public static final Set<String> SUPPORTED_KEYS = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "healthcheck", "depends_on", "deploy", "restart", "profiles", "mem_limit", "cpus",
            "scale", "domainname", "x-defang-postgres", "x-defang-redis",
            // a managed database's volume becomes RDS/ElastiCache storage; any other service's volume is the
            // template's own finding (aws-unsupported-volume), which says what happens instead
            "volumes");

    private final Map<String, String> env;
    private final ProviderSettings settings;
    private final AwsOps ops;
    private AwsClients clients;

    public AwsProvider(Map<String, String> env, ProviderSettings settings) {
        this.env = Map.copyOf(env);
        this.settings = settings;
        this.ops = new AwsOps(env, settings, this::clients);
    }

    /** One set of clients for every call of this provider (a command loads the store, then plans or deploys). */
    private synchronized AwsClients clients() {
        if (clients == null) {
            clients = new AwsClients(env);
        }
        return clients;
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public Set<String> supportedServiceKeys() {
        return SUPPORTED_KEYS;
    }

    AwsSettings settingsFor(LoadedCompose compose) {
        return new AwsSettings(AwsClients.regionName(env), compose.projectName(), settings);
    }

    /*
     * Every public call maps an SDK failure at this boundary (AwsCall), as render/plan/up do, so that a caller needs no
     * AWS knowledge. The calls inside name their own action; the one named here is for a failure that escaped them.
     */

    /** SSM Parameter Store SecureStrings under /ferry/PROJECT/STACK/; the project named by the folder's compose file. */
    @Override
    public ConfigStore configStore(Path projectDir) {
        return AwsCall.run("ssm:GetParametersByPath", () -> ops.configStore(projectDir));
    }

    @Override
    public List<ServiceStatus> ps(LoadedCompose compose) {
        return AwsCall.run("ecs:DescribeServices", () -> ops.ps(compose));
    }

    @Override
    public void logs(LoadedCompose compose, LogOptions options, EventSink events) {
        AwsCall.run("logs:FilterLogEvents", () -> ops.logs(compose, options, events));
    }

    /** {@code ferry tail}: a deploy's stack events while one is in progress, then the logs, followed. */
    @Override
    public void tail(LoadedCompose compose, LogOptions options, EventSink events) {
        AwsCall.run("cloudformation:DescribeStackEvents", () -> ops.tail(compose, options, events));
    }

    @Override
    public List<String> dataDeletedByDown(LoadedCompose compose, boolean volumes) {
        return AwsCall.run("cloudformation:GetTemplate", () -> ops.dataDeletedByDown(compose, volumes));
    }

    /**
     * Deletes the app stack. {@code volumes} is --force-destroy: the databases go without a final snapshot and the
     * config values are deleted too; otherwise both are kept.
     */
    @Override
    public void down(LoadedCompose compose, boolean volumes, EventSink events) {
        AwsCall.run("cloudformation:DeleteStack", () -> ops.down(compose, volumes, events));
    }

    @Override
    public Optional<String> render(LoadedCompose compose, EventSink events) {
        if (AwsClients.configuredRegion(env).isEmpty()) {
            events.emit(new FerryEvent.Step("No AWS region is set: the template is rendered for us-east-1 with"
                    + " placeholders for the bootstrap stack's bucket, image repository and build project"));
            AwsSettings placeholder = new AwsSettings("us-east-1", compose.projectName(), settings);
            return Optional.of(AwsDeployment.renderWith(compose, placeholder, AwsDeployment.placeholder("us-east-1"),
                    Templates.standard(), events));
        }
        try {
            return Optional.of(deployment(compose, events).render(compose));
        } catch (SdkException e) {
            throw AwsCall.map("cloudformation:DescribeStacks", e);
        }
    }

    @Override
    public DeploymentPlan plan(LoadedCompose compose, UpOptions options, EventSink events) {
        try {
            return deployment(compose, events).plan(compose, storedConfigNames(compose));
        } catch (SdkException e) {
            throw AwsCall.map("cloudformation:DescribeStacks", e);
        }
    }

    @Override
    public UpResult up(LoadedCompose compose, UpOptions options, EventSink events) {
        try {
            return deployment(compose, events).up(compose, storedConfigNames(compose), options);
        } catch (SdkException e) {
            // the deploy's own calls name their action; this catches the first call made without credentials
            throw AwsCall.map("cloudformation:CreateChangeSet", e);
        }
    }

    /** {@code ferry data migrate --to aws}: RDS and ElastiCache answer inside the VPC only, so the copy runs there. */
    @Override
    public Optional<dev.ferry.data.deployed.InNetworkMove> inNetworkMove() {
        Waiting waiting = new Waiting(AwsOps.poll(env, Waiting.standard().interval()));
        return Optional.of(new dev.ferry.provider.aws.data.InVpcMove(this::clients,
                project -> new AwsSettings(AwsClients.regionName(env), project, settings), this::ferryJar, waiting,
                Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** The jar the mover image carries: FERRY_MOVER_JAR when set, else the one this ferry runs from. */
    private Path ferryJar() {
        String override = env.get("FERRY_MOVER_JAR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try {
            return Path.of(AwsProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The config names in SSM for this compose project (its name: decides, whichever file -f named). */
    private java.util.SortedSet<String> storedConfigNames(LoadedCompose compose) {
        return ops.configStore(settingsFor(compose)).names();
    }

    private AwsDeployment deployment(LoadedCompose compose, EventSink events) {
        // the deploy honours FERRY_AWS_POLL_MILLIS like the ops side, so a run against the local fake is quick
        Waiting waiting = new Waiting(AwsOps.poll(env, Waiting.standard().interval()));
        return new AwsDeployment(clients(), settingsFor(compose), Templates.standard(), waiting,
                Path.of(System.getProperty("java.io.tmpdir")), events);
    }
}

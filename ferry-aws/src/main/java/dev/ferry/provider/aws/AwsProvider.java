package dev.ferry.provider.aws;

import dev.ferry.FerryException;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.Provider;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import dev.ferry.provider.aws.ops.AwsOps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys a compose project to the user's AWS account: images built by CodeBuild from each service's build plan,
 * one CloudFormation stack per project and stack name (VPC, ECS Fargate, ALB, RDS, ElastiCache), config from SSM
 * Parameter Store. SKELETON: the methods are filled in by the aws-deploy (plan, up, render) and aws-ops (config
 * store, ps, logs, down) branches.
 */
public final class AwsProvider implements Provider {

    /** The service keys the aws provider acts on; others are reported as unsupported-key findings. */
    public static final Set<String> SUPPORTED_KEYS = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "healthcheck", "depends_on", "deploy", "restart", "profiles", "mem_limit", "cpus",
            "scale", "domainname", "x-defang-postgres", "x-defang-redis");

    private final Map<String, String> env;
    private final ProviderSettings settings;
    private final AwsOps ops;

    public AwsProvider(Map<String, String> env, ProviderSettings settings) {
        this.env = Map.copyOf(env);
        this.settings = settings;
        this.ops = new AwsOps(env, settings);
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

    // --- aws-ops branch: config store, ps, logs, down ---

    /** SSM Parameter Store SecureStrings under /ferry/PROJECT/STACK/; the project named by the folder's compose file. */
    @Override
    public ConfigStore configStore(Path projectDir) {
        return ops.configStore(projectDir);
    }

    @Override
    public List<ServiceStatus> ps(LoadedCompose compose) {
        return ops.ps(compose);
    }

    @Override
    public void logs(LoadedCompose compose, LogOptions options, EventSink events) {
        ops.logs(compose, options, events);
    }

    /** {@code ferry tail}: a deploy's stack events while one is in progress, then the logs, followed. */
    public void tail(LoadedCompose compose, LogOptions options, EventSink events) {
        ops.tail(compose, options, events);
    }

    /**
     * Deletes the app stack. {@code volumes} is --force-destroy: the databases go without a final snapshot and the
     * config values are deleted too; otherwise both are kept.
     */
    @Override
    public void down(LoadedCompose compose, boolean volumes, EventSink events) {
        ops.down(compose, volumes, events);
    }

    // --- aws-deploy branch: render, plan, up ---

    @Override
    public Optional<String> render(LoadedCompose compose, EventSink events) {
        throw notYet();
    }

    @Override
    public DeploymentPlan plan(LoadedCompose compose, UpOptions options, EventSink events) {
        throw notYet();
    }

    @Override
    public UpResult up(LoadedCompose compose, UpOptions options, EventSink events) {
        throw notYet();
    }

    private static FerryException notYet() {
        return FerryException.environment("this part of the aws provider is being built", "use --provider local");
    }
}

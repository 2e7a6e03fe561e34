package dev.ferry.provider.aws.testing;

import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.DeploymentMode;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsProvider;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.AppStackInput;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import dev.ferry.provider.aws.template.LogicalIds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * App stack inputs for tests: a compose file loaded as the aws provider loads it, with every config name it needs
 * set to a canary value in the shell environment (so a leak into the template is caught), and the outputs the
 * deployer needs from its stack.
 */
public final class AppFixtures {

    public static final BootstrapOutputs BOOTSTRAP = new BootstrapOutputs("ferry-bootstrap-artifactbucket-abc123",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferry-bootstrap-imagerepository-xyz", "BuildProject-abc",
            "/ferry/builds");

    /** A loaded compose file and the canary value given for each config name. */
    public record Loaded(LoadedCompose compose, Map<String, String> canaries) {}

    private AppFixtures() {
    }

    public static Loaded load(Path composeFile) {
        LoadedCompose first = ComposeLoader.load(composeFile, "compose.yaml", LoadOptions.of(Map.of()));
        Map<String, String> canaries = new LinkedHashMap<>();
        first.neededConfig().forEach(name -> canaries.put(name, "canary-" + name.toLowerCase() + "-7Hq2xZ"));
        LoadedCompose compose = ComposeLoader.load(composeFile, "compose.yaml", new LoadOptions(canaries, List.of(),
                canaries.keySet(), AwsProvider.SUPPORTED_KEYS));
        return new Loaded(compose, canaries);
    }

    public static AppStackInput input(LoadedCompose compose, DeploymentMode mode, Optional<String> domain) {
        AwsSettings settings = new AwsSettings("us-east-1", compose.projectName(),
                new ProviderSettings("beta", mode, domain));
        return new AppStackInput(compose, settings, BOOTSTRAP, compose.neededConfig());
    }

    /** The outputs the deployer reads, worked out from compose alone (not from the template code). */
    public static Set<String> requiredOutputs(LoadedCompose compose) {
        Set<String> keys = new LinkedHashSet<>(List.of(AppStackOutputs.CLUSTER, AppStackOutputs.URL,
                AppStackOutputs.PRIVATE_SUBNETS, AppStackOutputs.TASK_SECURITY_GROUP, AppStackOutputs.LOG_GROUP,
                AppStackOutputs.TASK_ASSIGN_PUBLIC_IP, AppStackOutputs.TASK_EXECUTION_ROLE));
        for (ComposeService s : compose.project().services()) {
            String id = LogicalIds.of(s.name());
            if (ComposeRules.isManagedPostgres(s) || ComposeRules.isManagedRedis(s)) {
                keys.add(AppStackOutputs.ENDPOINT_PREFIX + id);
                if (ComposeRules.isManagedPostgres(s)) {
                    // what `data migrate --to aws` reads to reach it from a one-off task
                    keys.addAll(List.of(AppStackOutputs.DATABASE_SECRET_PREFIX + id,
                            AppStackOutputs.DATABASE_USER_PREFIX + id, AppStackOutputs.DATABASE_NAME_PREFIX + id));
                }
            } else {
                keys.add(AppStackOutputs.TASK_DEFINITION_PREFIX + id);
                if (!ComposeRules.isRunOnce(s)) {
                    keys.add(AppStackOutputs.SERVICE_PREFIX + id);
                }
            }
        }
        return keys;
    }
}

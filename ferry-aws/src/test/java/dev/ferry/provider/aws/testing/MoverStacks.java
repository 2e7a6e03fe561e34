package dev.ferry.provider.aws.testing;

import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.Templates;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployed account for the data mover's tests (`--to aws`): the bootstrap stack and the app stack
 * {@value #STACK} with the outputs the mover reads (a Postgres service "db"; with {@link #withCache} also a
 * Redis service "cache").
 */
public final class MoverStacks {

    public static final String STACK = "ferry-shop-beta";
    public static final String LOG_GROUP = "/ferry/shop/beta";
    public static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:ferry-shop-beta-DbSecret-AbCdEf";

    private MoverStacks() {
    }

    /** Puts the bootstrap stack and the app stack (with {@code appOutputs}) into the fake account. */
    public static void deploy(FakeAwsAccount account, Map<String, String> appOutputs) {
        account.cloudFormation.existing(AwsSettings.bootstrapStackName(), "CREATE_COMPLETE", "{}", Map.of(), Map.of(
                BootstrapOutputs.ARTIFACT_BUCKET, FakeAwsAccount.BUCKET,
                BootstrapOutputs.IMAGE_REPOSITORY_URI, FakeAwsAccount.REPOSITORY_URI,
                BootstrapOutputs.BUILD_PROJECT, FakeAwsAccount.BUILD_PROJECT,
                BootstrapOutputs.BUILD_LOG_GROUP, FakeAwsAccount.BUILD_LOG_GROUP,
                Templates.VERSION_OUTPUT, Templates.standard().bootstrapVersion()));
        account.cloudFormation.existing(STACK, "UPDATE_COMPLETE", "{}", Map.of(), appOutputs);
    }

    /** The app stack's outputs with one managed Postgres service, "db". */
    public static Map<String, String> appOutputs(boolean publicIp) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(AppStackOutputs.CLUSTER, STACK);
        out.put(AppStackOutputs.PRIVATE_SUBNETS, "subnet-aaa,subnet-bbb");
        out.put(AppStackOutputs.TASK_ASSIGN_PUBLIC_IP, publicIp ? "ENABLED" : "DISABLED");
        out.put(AppStackOutputs.TASK_SECURITY_GROUP, "sg-123");
        out.put(AppStackOutputs.LOG_GROUP, LOG_GROUP);
        out.put(AppStackOutputs.TASK_EXECUTION_ROLE, "arn:aws:iam::123456789012:role/ferry-shop-beta-TaskExecutionRole");
        out.put(AppStackOutputs.ENDPOINT_PREFIX + "Db", "db1.abc.us-east-1.rds.amazonaws.com:5432");
        out.put(AppStackOutputs.DATABASE_SECRET_PREFIX + "Db", SECRET_ARN);
        out.put(AppStackOutputs.DATABASE_USER_PREFIX + "Db", "postgres");
        out.put(AppStackOutputs.DATABASE_NAME_PREFIX + "Db", "shop");
        return out;
    }

    /** {@code outputs} plus a managed Redis service, "cache". */
    public static Map<String, String> withCache(Map<String, String> outputs) {
        Map<String, String> out = new LinkedHashMap<>(outputs);
        out.put(AppStackOutputs.ENDPOINT_PREFIX + "Cache", "cache1.abc.use1.cache.amazonaws.com:6379");
        return out;
    }
}

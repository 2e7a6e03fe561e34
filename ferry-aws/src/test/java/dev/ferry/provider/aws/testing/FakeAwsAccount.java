package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.Templates;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fake AWS account with every handler a whole {@code compose up / ps / logs / down --provider aws} needs: the
 * deploy fakes (S3, CloudFormation, ECR, CodeBuild, ECS, CloudWatch Logs GetLogEvents) and the ops fakes that do not
 * overlap them (SSM, Logs FilterLogEvents). Where both sides use one operation, the deploy fake serves it (it keeps
 * the state `up` created: stacks, services). The app stack of PROJECT/STACK gets outputs for whatever its template
 * declares, and each ECS service output is registered with ECS as running 1/1.
 */
public final class FakeAwsAccount implements AutoCloseable {

    public static final String BUCKET = "ferry-artifacts-123456789012";
    public static final String REPOSITORY_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferry";
    public static final String BUILD_PROJECT = "ferry-build";
    public static final String BUILD_LOG_GROUP = "/ferry/build";

    public final FakeAws aws = new FakeAws();
    public final FakeS3 s3 = new FakeS3().install(aws);
    public final FakeCloudFormation cloudFormation = new FakeCloudFormation(s3).install(aws);
    public final FakeEcr ecr = new FakeEcr("ferry").install(aws);
    public final FakeLogs logs = new FakeLogs().install(aws);
    public final FakeCodeBuild codeBuild = new FakeCodeBuild(BUILD_PROJECT, BUILD_LOG_GROUP, ecr, logs).install(aws);
    public final FakeEcs ecs;
    public final OpsSsmFake ssm = OpsSsmFake.on(aws);
    public final OpsLogsFake appLogs;
    public final String url;

    /** @param settings the project and stack the app stack is deployed for (its name, cluster and log group) */
    public FakeAwsAccount(AwsSettings settings) {
        String stack = settings.appStackName();
        String logGroup = "/ferry/" + settings.project() + "/" + settings.provider().stack();
        url = "http://" + stack + "-alb-123.us-east-1.elb.amazonaws.com";
        ecs = new FakeEcs(stack).install(aws);
        appLogs = OpsLogsFake.on(aws, logGroup);
        cloudFormation.outputs(AwsSettings.bootstrapStackName(), p -> Map.of(BootstrapOutputs.ARTIFACT_BUCKET, BUCKET,
                BootstrapOutputs.IMAGE_REPOSITORY_URI, REPOSITORY_URI, BootstrapOutputs.BUILD_PROJECT, BUILD_PROJECT,
                BootstrapOutputs.BUILD_LOG_GROUP, BUILD_LOG_GROUP,
                Templates.VERSION_OUTPUT, Templates.standard().bootstrapVersion()));
        cloudFormation.outputs(stack, p -> appOutputs(stack, logGroup));
    }

    /** Every output the app template declares, with a value of the right shape; services join the ECS fake. */
    private Map<String, String> appOutputs(String stack, String logGroup) {
        JsonNode template;
        try {
            template = FakeEcr.JSON.readTree(cloudFormation.stack(stack).template());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<String> keys = template.path("Outputs").fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            out.put(key, value(key, stack, logGroup));
            if (key.startsWith(AppStackOutputs.SERVICE_PREFIX)) {
                ecs.service(out.get(key), 1, 1);
            }
        }
        return out;
    }

    private String value(String key, String stack, String logGroup) {
        return switch (key) {
            case AppStackOutputs.CLUSTER -> stack;
            case AppStackOutputs.URL -> url;
            case AppStackOutputs.PRIVATE_SUBNETS -> "subnet-aaa,subnet-bbb";
            case AppStackOutputs.TASK_SECURITY_GROUP -> "sg-123";
            case AppStackOutputs.TASK_ASSIGN_PUBLIC_IP -> "ENABLED";
            case AppStackOutputs.LOG_GROUP -> logGroup;
            case AppStackOutputs.TASK_EXECUTION_ROLE -> "arn:aws:iam::123456789012:role/" + stack + "-TaskExecutionRole";
            default -> key.startsWith(AppStackOutputs.DATABASE_SECRET_PREFIX)
                    ? "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + stack + "-"
                            + key.substring(AppStackOutputs.DATABASE_SECRET_PREFIX.length()) + "Secret-AbCdEf"
                    : key.startsWith(AppStackOutputs.DATABASE_USER_PREFIX) ? "postgres"
                    : key.startsWith(AppStackOutputs.DATABASE_NAME_PREFIX) ? "app"
                    : key.startsWith(AppStackOutputs.TASK_DEFINITION_PREFIX)
                    ? "arn:aws:ecs:us-east-1:123456789012:task-definition/" + stack + "-"
                            + key.substring(AppStackOutputs.TASK_DEFINITION_PREFIX.length()).toLowerCase() + ":1"
                    : key.startsWith(AppStackOutputs.SERVICE_PREFIX)
                    ? stack + "-" + key.substring(AppStackOutputs.SERVICE_PREFIX.length()).toLowerCase()
                    : key.startsWith(AppStackOutputs.ENDPOINT_PREFIX)
                    ? key.substring(AppStackOutputs.ENDPOINT_PREFIX.length()).toLowerCase() + ".abc.us-east-1.rds.amazonaws.com:5432"
                    : "fake-" + key;
        };
    }

    @Override
    public void close() {
        aws.close();
    }
}

package dev.ferry.provider.aws.data;

import dev.ferry.data.deployed.DataKind;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;

/**
 * The task definition of a data mover run: one Fargate container running the mover image with
 * {@link MoverCommand#command}, logging to the stack's log group under stream prefix {@value #STREAM_PREFIX}. It
 * holds no secret: the source URL comes from an SSM SecureString and the RDS password from its Secrets Manager
 * secret, both as ECS secrets the execution role resolves when the container starts.
 *
 * @param family e.g. ferry-shop-beta-data-mover
 * @param imageUri the mover image in the bootstrap repository
 * @param executionRoleArn the app stack's task execution role (stack output)
 * @param logGroup the app stack's log group
 * @param region for the awslogs driver
 * @param target the database copied into
 * @param sourceParameterArn the SSM parameter holding the source URL
 * @param jobs Postgres's parallel streams
 * @param force whether a non-empty target may be replaced
 */
public record MoverTaskDefinition(String family, String imageUri, String executionRoleArn, String logGroup,
                                  String region, MoverTarget target, String sourceParameterArn, int jobs,
                                  boolean force) {

    /** The awslogs stream prefix: streams are data-mover/mover/TASK-ID. */
    public static final String STREAM_PREFIX = "data-mover";
    /** The container's name. */
    public static final String CONTAINER = "mover";

    /** ferry-PROJECT-STACK-data-mover. */
    public static String family(String appStackName) {
        return appStackName + "-" + STREAM_PREFIX;
    }

    /** The log stream of a task: data-mover/mover/TASK-ID. */
    public static String stream(String taskId) {
        return STREAM_PREFIX + "/" + CONTAINER + "/" + taskId;
    }

    /** 1 vCPU / 2 GiB; 2 vCPU / 4 GiB for more than two Postgres streams (pg_dump and pg_restore run beside Java). */
    int cpu() {
        return target.kind() == DataKind.POSTGRES && jobs > 2 ? 2048 : 1024;
    }

    int memory() {
        return cpu() * 2;
    }

    public RegisterTaskDefinitionRequest request() {
        List<Secret> secrets = new ArrayList<>();
        secrets.add(Secret.builder().name(MoverCommand.SOURCE_URL_ENV).valueFrom(sourceParameterArn).build());
        target.passwordValueFrom().ifPresent(from ->
                secrets.add(Secret.builder().name(MoverCommand.PASSWORD_ENV).valueFrom(from).build()));
        ContainerDefinition container = ContainerDefinition.builder().name(CONTAINER).image(imageUri).essential(true)
                .command(MoverCommand.command(target.kind(), jobs, force))
                .environment(env(MoverCommand.TARGET_URL_ENV, target.url()), env("CI", "true"), env("NO_COLOR", "1"))
                .secrets(secrets)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of(
                        "awslogs-group", logGroup, "awslogs-region", region, "awslogs-stream-prefix", STREAM_PREFIX)))
                .build();
        return RegisterTaskDefinitionRequest.builder().family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu(Integer.toString(cpu())).memory(Integer.toString(memory()))
                .executionRoleArn(executionRoleArn)
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.X86_64).operatingSystemFamily(OSFamily.LINUX))
                .containerDefinitions(container).build();
    }

    private static KeyValuePair env(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }
}

package dev.ferry.provider.aws.data;

import dev.ferry.FerryException;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.deployed.InNetworkMove;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.CodeBuildRunner;
import dev.ferry.provider.aws.deploy.ContextUploader;
import dev.ferry.provider.aws.deploy.Waiting;
import dev.ferry.provider.aws.ops.AwsCall;
import dev.ferry.provider.aws.ops.DeployedStack;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code ferry data migrate --to aws}: the copy runs inside the app stack's VPC, where RDS and ElastiCache answer,
 * as a one-off ECS Fargate task whose container runs ferry itself ({@link MoverCommand}). This side finds the target
 * in the stack's outputs, makes sure the mover image is in ECR, hands the source URL over in a temporary SSM
 * SecureString (deleted whatever happens, Ctrl-C included), registers the task definition, runs the task and
 * follows it ({@link MoverRun}). The source URL is never in a task definition, an override, an event or a message.
 */
public final class InVpcMove implements InNetworkMove {

    /** The longest ferry follows one move before it stops the task: a large database takes hours, not days. */
    static final Duration TIMEOUT = Duration.ofHours(24);

    private final Supplier<AwsClients> clients;
    private final Function<String, AwsSettings> settingsOf;
    private final Supplier<Path> ferryJar;
    private final Waiting waiting;
    private final Path scratch;

    /**
     * @param clients the provider's SDK clients
     * @param settingsOf the aws settings (region, project, stack) of a compose project's name
     * @param ferryJar the ferry jar the mover image carries (the running one in production)
     * @param waiting the pause between polls
     * @param scratch the folder for the image's temporary build context
     */
    public InVpcMove(Supplier<AwsClients> clients, Function<String, AwsSettings> settingsOf, Supplier<Path> ferryJar,
                     Waiting waiting, Path scratch) {
        this.clients = clients;
        this.settingsOf = settingsOf;
        this.ferryJar = ferryJar;
        this.waiting = waiting;
        this.scratch = scratch;
    }

    @Override
    public String describe(LoadedCompose compose, Request request) {
        Prepared prepared = prepare(compose, request, EventSink.NONE);
        boolean present = mapped("ecr:DescribeImages", () -> images(EventSink.NONE).present(prepared.bootstrap(),
                prepared.image()));
        return "target: " + prepared.target().describe() + " in stack " + prepared.settings().appStackName() + " ("
                + prepared.settings().region() + ")\n"
                + "the copy runs in the stack's VPC as a one-off ECS Fargate task (" + MoverTaskDefinition.family(
                        prepared.settings().appStackName()) + ") running ferry from image " + prepared.image().tag()
                + (present ? " (in ECR)" : " (built once by CodeBuild first)") + "\n"
                + "the source URL goes to the task in a temporary SSM SecureString, deleted when the task ends";
    }

    @Override
    public void run(LoadedCompose compose, Request request, EventSink events) {
        Prepared prepared = prepare(compose, request, events);
        AwsSettings settings = prepared.settings();
        String imageUri = mapped("codebuild:StartBuild", () -> images(events).ensure(prepared.bootstrap(),
                prepared.image()));
        String parameter = settings.parameterPrefix() + "mover/" + prepared.target().service() + "/source-url";
        String executionRole = MoverTarget.output(prepared.stack(), AppStackOutputs.TASK_EXECUTION_ROLE);
        MoverRun mover = new MoverRun(clients.get().ecs(), clients.get().logs(), waiting, events);
        Cleanup cleanup = new Cleanup(mover, parameter, events);
        Thread hook = new Thread(cleanup::run, "ferry-data-mover-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            events.emit(new FerryEvent.Status(MoverRun.SOURCE, "source URL handed over in SSM " + parameter));
            String value = SourceUrlText.of(request.source());
            MoverRun.call("ssm:PutParameter", () -> clients.get().ssm().putParameter(b -> b.name(parameter).value(value)
                    .type(ParameterType.SECURE_STRING).overwrite(true)
                    .description("ferry data migrate: the source URL of one mover run; deleted when it ends")));
            MoverTaskDefinition definition = new MoverTaskDefinition(MoverTaskDefinition.family(settings.appStackName()),
                    imageUri, executionRole, prepared.network().logGroup(), settings.region(), prepared.target(),
                    parameterArn(executionRole, settings.region(), parameter), request.jobs(), request.force());
            String taskDefinition = MoverRun.call("ecs:RegisterTaskDefinition", () -> clients.get().ecs()
                    .registerTaskDefinition(definition.request()).taskDefinition().taskDefinitionArn());
            events.emit(new FerryEvent.Detail("task definition " + taskDefinition));
            mover.run(prepared.network(), taskDefinition, TIMEOUT);
        } catch (RuntimeException e) {
            if (!(e instanceof FerryException) && Waiting.isInterrupt(e)) {
                mover.stop("interrupted by the user");
                Thread.currentThread().interrupt();
                throw FerryException.failed("interrupted: the data mover was stopped; the target may hold a partial"
                        + " copy", "run the migration again with --force to replace it", null);
            }
            throw e;
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs the same (idempotent) cleanup
            }
        }
    }

    /** What describe and run both read first: the stack, the target, the bootstrap, the image. */
    private record Prepared(AwsSettings settings, DeployedStack stack, MoverTarget target, MoverRun.Network network,
                            BootstrapOutputs bootstrap, MoverImage image) {}

    private Prepared prepare(LoadedCompose compose, Request request, EventSink events) {
        AwsSettings settings = settingsOf.apply(compose.projectName());
        DeployedStack stack = DeployedStack.require(clients.get().cloudFormation(), settings);
        MoverTarget target = MoverTarget.of(compose, stack, request.kind(), request.service());
        MoverRun.Network network = network(stack);
        BootstrapOutputs bootstrap = BootstrapOutputs.from(DeployedStack.find(clients.get().cloudFormation(),
                AwsSettings.bootstrapStackName()).orElseThrow(() -> FerryException.badInput("the bootstrap stack "
                        + AwsSettings.bootstrapStackName() + " is not deployed in " + settings.region(),
                "run `ferry compose up --provider aws` first")).outputs());
        MoverImage image = MoverImage.forJar(jar(), target.postgresMajor());
        return new Prepared(settings, stack, target, network, bootstrap, image);
    }

    private Path jar() {
        Path jar = ferryJar.get();
        if (jar == null || !jar.getFileName().toString().endsWith(".jar") || !java.nio.file.Files.isRegularFile(jar)) {
            throw FerryException.environment("--to aws needs ferry's own jar for the mover image, and this ferry runs"
                    + " from " + (jar == null ? "no jar" : jar.getFileName()), "run the built ferry (./ferry or"
                    + " java -jar ferry-cli/target/ferry.jar), or set FERRY_MOVER_JAR to the jar");
        }
        return jar;
    }

    /** The release task's networking, from the stack's outputs. */
    static MoverRun.Network network(DeployedStack stack) {
        List<String> subnets = Arrays.stream(MoverTarget.output(stack, AppStackOutputs.PRIVATE_SUBNETS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new MoverRun.Network(MoverTarget.output(stack, AppStackOutputs.CLUSTER), subnets,
                MoverTarget.output(stack, AppStackOutputs.TASK_SECURITY_GROUP),
                "ENABLED".equals(MoverTarget.output(stack, AppStackOutputs.TASK_ASSIGN_PUBLIC_IP)),
                MoverTarget.output(stack, AppStackOutputs.LOG_GROUP));
    }

    /** arn:PARTITION:ssm:REGION:ACCOUNT:parameter/NAME, with the partition and account of the execution role's ARN. */
    static String parameterArn(String roleArn, String region, String parameter) {
        String[] parts = roleArn.split(":");
        if (parts.length < 6) {
            throw FerryException.failed("the stack's " + AppStackOutputs.TASK_EXECUTION_ROLE + " output is not an ARN",
                    "run `ferry compose up --provider aws` to restore the stack", null);
        }
        return "arn:" + parts[1] + ":ssm:" + region + ":" + parts[4] + ":parameter" + parameter;
    }

    private MoverImages images(EventSink events) {
        AwsClients aws = clients.get();
        return new MoverImages(new CodeBuildRunner(aws.codeBuild(), aws.ecr(), aws.logs(), waiting, events),
                new ContextUploader(aws.s3(), scratch, events), scratch, events);
    }

    private static <T> T mapped(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsCall.map(action, e);
        }
    }

    /**
     * Stops the task if it still runs and deletes the source URL's parameter; once, from the finally block or the
     * shutdown hook (Ctrl-C), whichever comes first. A delete that fails is said, with the command that finishes it.
     */
    private final class Cleanup {
        private final MoverRun mover;
        private final String parameter;
        private final EventSink events;
        private boolean done;

        Cleanup(MoverRun mover, String parameter, EventSink events) {
            this.mover = mover;
            this.parameter = parameter;
            this.events = events;
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            boolean interrupted = Thread.interrupted(); // an interrupted SDK call aborts: clear, clean up, restore
            try {
                try {
                    mover.stop("ferry data migrate ended");
                } catch (RuntimeException e) {
                    events.emit(new FerryEvent.Step("warning: the data mover task could not be stopped; stop it in"
                            + " the ECS console (" + e.getMessage().lines().findFirst().orElse("") + ")"));
                }
                try {
                    clients.get().ssm().deleteParameter(b -> b.name(parameter));
                    events.emit(new FerryEvent.Status(MoverRun.SOURCE, "deleted SSM " + parameter));
                } catch (ParameterNotFoundException e) {
                    // never written (PutParameter failed) or already gone
                } catch (SdkException e) {
                    events.emit(new FerryEvent.Step("warning: the source URL's parameter " + parameter + " could not"
                            + " be deleted (" + AwsCall.map("ssm:DeleteParameter", e).getMessage() + "); delete it:"
                            + " aws ssm delete-parameter --name " + parameter));
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

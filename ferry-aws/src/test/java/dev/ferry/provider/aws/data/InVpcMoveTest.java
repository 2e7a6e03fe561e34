package dev.ferry.provider.aws.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.FerryException;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.deployed.InNetworkMove;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.deploy.Waiting;
import dev.ferry.provider.aws.ops.SsmConfigStore;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.FakeAwsAccount;
import dev.ferry.provider.aws.testing.MoverStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InVpcMoveTest {

    static final String CANARY = "CanaryPw7f3e9d";
    static final String STACK = MoverStacks.STACK;
    static final String LOG_GROUP = MoverStacks.LOG_GROUP;
    static final String STREAM = "data-mover/mover/task1abcdef";
    static final String PARAMETER = "/ferry/shop/beta/mover/db/source-url";
    static final String SECRET_ARN = MoverStacks.SECRET_ARN;
    static final String COMPOSE = """
            name: shop
            services:
              web:
                build: .
                environment:
                  DATABASE_URL:
              db:
                image: postgres:16
                x-defang-postgres: true
              cache:
                image: redis:7
                x-defang-redis: true
            """;

    @TempDir
    Path dir;
    FakeAwsAccount account;
    AwsClients clients;
    LoadedCompose compose;
    Path jar;
    final List<FerryEvent> events = Collections.synchronizedList(new ArrayList<>());
    final EventSink sink = events::add;

    @BeforeEach
    void setUp() throws IOException {
        AwsSettings settings = new AwsSettings("us-east-1", "shop", ProviderSettings.defaults());
        account = new FakeAwsAccount(settings);
        MoverStacks.deploy(account, appOutputs());
        clients = new AwsClients(account.aws.env());
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        compose = ComposeLoader.load(dir.resolve("compose.yaml"), "compose.yaml", LoadOptions.of(Map.of()));
        jar = dir.resolve("ferry.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    }

    @AfterEach
    void tearDown() {
        clients.close();
        account.close();
    }

    static Map<String, String> appOutputs() {
        return MoverStacks.withCache(MoverStacks.appOutputs(true));
    }

    InVpcMove move() {
        return new InVpcMove(() -> clients, project -> new AwsSettings("us-east-1", project, ProviderSettings.defaults()),
                () -> jar, new Waiting(Duration.ofMillis(2)), dir.resolve("scratch"));
    }

    static InNetworkMove.Request postgres(boolean force) {
        return new InNetworkMove.Request(DataKind.POSTGRES, null, new DataEndpoint(ConnectionUrl.parse(
                "postgres://u1:" + CANARY + "@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1", "test"), true), 2, force);
    }

    String tag() {
        return MoverImage.forJar(jar, 16).tag();
    }

    void taskWrites(String... lines) {
        account.logs.lines(LOG_GROUP, STREAM, List.of(lines));
    }

    @Test
    void run_imageInEcr_runsTheTaskWithoutABuildAndDeletesTheParameter() {
        account.ecr.tag(tag());
        taskWrites("Source: postgres://u1:***@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1", "Verified: 3 tables");

        move().run(compose, postgres(false), sink);

        assertThat(account.codeBuild.started()).isEmpty();
        JsonNode definition = account.ecs.taskDefinitions().get(0);
        assertThat(definition.path("family").asText()).isEqualTo("ferry-shop-beta-data-mover");
        assertThat(definition.path("executionRoleArn").asText()).endsWith("role/ferry-shop-beta-TaskExecutionRole");
        JsonNode container = definition.path("containerDefinitions").get(0);
        assertThat(container.path("image").asText()).isEqualTo(FakeAwsAccount.REPOSITORY_URI + ":" + tag());
        assertThat(container.path("command").toString()).isEqualTo("[\"data\",\"migrate\",\"--from-url\","
                + "\"env:FERRY_SOURCE_URL\",\"--to-url\",\"env:FERRY_TARGET_URL\",\"--yes\",\"--jobs\",\"2\"]");
        assertThat(container.path("environment").toString()).contains("{\"name\":\"FERRY_TARGET_URL\",\"value\":"
                + "\"postgres://postgres@db1.abc.us-east-1.rds.amazonaws.com:5432/shop?sslmode=require\"}");
        assertThat(container.path("secrets").toString()).isEqualTo("[{\"name\":\"FERRY_SOURCE_URL\",\"valueFrom\":"
                + "\"arn:aws:ssm:us-east-1:123456789012:parameter" + PARAMETER + "\"},{\"name\":\"PGPASSWORD\","
                + "\"valueFrom\":\"" + SECRET_ARN + ":password::\"}]");
        JsonNode logging = container.path("logConfiguration");
        assertThat(logging.path("logDriver").asText()).isEqualTo("awslogs");
        assertThat(logging.path("options").path("awslogs-group").asText()).isEqualTo(LOG_GROUP);
        assertThat(logging.path("options").path("awslogs-stream-prefix").asText()).isEqualTo("data-mover");
        JsonNode run = account.ecs.runTasks().get(0);
        assertThat(run.path("taskDefinition").asText()).endsWith("task-definition/ferry-shop-beta-data-mover:1");
        assertThat(run.path("launchType").asText()).isEqualTo("FARGATE");
        JsonNode network = run.path("networkConfiguration").path("awsvpcConfiguration");
        assertThat(network.path("subnets").toString()).isEqualTo("[\"subnet-aaa\",\"subnet-bbb\"]");
        assertThat(network.path("securityGroups").toString()).isEqualTo("[\"sg-123\"]");
        assertThat(network.path("assignPublicIp").asText()).isEqualTo("ENABLED");
        assertThat(run.has("overrides")).isFalse();
        assertThat(logLines()).containsExactly("Source: postgres://u1:***@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1",
                "Verified: 3 tables");
        assertThat(account.ssm.values()).isEmpty();
        assertThat(account.aws.requests("AmazonSSM.DeleteParameter")).hasSize(1);
        assertCanaryOnlyInPutParameter();
        assertThat(account.aws.unexpected()).isEmpty();
    }

    @Test
    void run_sourceUrl_reachesThePutParameterValueWithTlsRequired() throws IOException {
        account.ecr.tag(tag());
        move().run(compose, postgres(false), sink);
        JsonNode put = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                account.aws.requests("AmazonSSM.PutParameter").get(0).body());
        assertThat(put.path("Name").asText()).isEqualTo(PARAMETER);
        assertThat(put.path("Type").asText()).isEqualTo("SecureString");
        assertThat(put.path("Overwrite").asBoolean()).isTrue();
        assertThat(put.path("Value").asText()).isEqualTo("postgres://u1:" + CANARY
                + "@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1?sslmode=require");
    }

    @Test
    void run_imageMissing_buildsItOnceWithCodeBuildThenRuns() {
        move().run(compose, postgres(false), sink);

        assertThat(account.codeBuild.started()).hasSize(1);
        assertThat(account.codeBuild.started().get(0).path("buildspecOverride").asText())
                .contains(FakeAwsAccount.REPOSITORY_URI + ":" + tag());
        assertThat(account.ecr.tags()).contains(tag());
        assertThat(account.aws.requests("S3.PUT")).hasSize(1);
        assertThat(account.aws.requests("S3.PUT").get(0).path()).startsWith("/" + FakeAwsAccount.BUCKET
                + "/ferry-data-mover/data-mover/");
        assertThat(account.ecs.runTasks()).hasSize(1);
        assertThat(account.ssm.values()).isEmpty();
        assertThat(Files.exists(dir.resolve("scratch"))).isTrue();
        assertThat(scratchEntries()).isEmpty();
        assertCanaryOnlyInPutParameter();
        assertThat(account.aws.unexpected()).isEmpty();
    }

    @Test
    void run_taskExits1_failsWithItsLastLinesAndDeletesTheParameter() {
        account.ecr.tag(tag());
        account.ecs.exitNext(1);
        taskWrites("Copying 3 tables", "Verification failed: orders differs (rows 10 vs 9)");

        FerryException e = catchThrowableOfType(() -> move().run(compose, postgres(false), sink), FerryException.class);

        assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(e.getMessage()).contains("exited 1").contains("last lines of " + LOG_GROUP + " " + STREAM)
                .contains("Verification failed: orders differs (rows 10 vs 9)");
        assertThat(account.ssm.values()).isEmpty();
        assertCanaryOnlyInPutParameter();
        assertThat(account.aws.unexpected()).isEmpty();
    }

    @Test
    void run_taskExits2_isBadInputNamingForce() {
        account.ecr.tag(tag());
        account.ecs.exitNext(2);
        taskWrites("the target is not empty: public.orders, public.users");

        FerryException e = catchThrowableOfType(() -> move().run(compose, postgres(false), sink), FerryException.class);

        assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(e.hint()).contains("--force");
        assertThat(logLines()).contains("the target is not empty: public.orders, public.users");
        assertThat(account.ssm.values()).isEmpty();
    }

    @Test
    void run_taskExits3_isEnvironment() {
        account.ecr.tag(tag());
        account.ecs.exitNext(3);
        FerryException e = catchThrowableOfType(() -> move().run(compose, postgres(false), sink), FerryException.class);
        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(account.ssm.values()).isEmpty();
    }

    @Test
    void run_force_passesForceToTheTask() {
        account.ecr.tag(tag());
        move().run(compose, postgres(true), sink);
        assertThat(account.ecs.taskDefinitions().get(0).path("containerDefinitions").get(0).path("command").toString())
                .endsWith("\"--force\"]");
    }

    @Test
    void run_interrupted_stopsTheTaskAndDeletesTheParameter() throws Exception {
        account.ecr.tag(tag());
        account.ecs.holdRunning();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                move().run(compose, postgres(false), sink);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        long until = System.currentTimeMillis() + 20_000;
        while (account.aws.requests("AmazonEC2ContainerServiceV20141113.DescribeTasks").size() < 5
                && System.currentTimeMillis() < until) {
            Thread.sleep(5);
        }
        assertThat(account.ssm.values()).containsOnlyKeys(PARAMETER);
        assertThat(new SsmConfigStore(clients.ssm(), new AwsSettings("us-east-1", "shop", ProviderSettings.defaults()))
                .names()).as("ferry config ls does not list the mover's parameter").isEmpty();
        runner.interrupt();
        runner.join(20_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(FerryException.class).hasMessageContaining("interrupted")
                .hasMessageContaining("stopped");
        assertThat(account.ecs.stopTasks()).hasSize(1);
        assertThat(account.ecs.stopTasks().get(0).path("task").asText()).endsWith("/task1abcdef");
        assertThat(account.ssm.values()).isEmpty();
        assertCanaryOnlyInPutParameter();
        assertThat(account.aws.unexpected()).isEmpty();
    }

    @Test
    void run_registerDenied_isExit3AndStillDeletesTheParameter() {
        account.ecr.tag(tag());
        account.aws.on("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", r -> FakeAws.Response.jsonError(400,
                "AccessDeniedException", "User is not authorized to perform ecs:RegisterTaskDefinition"));

        FerryException e = catchThrowableOfType(() -> move().run(compose, postgres(false), sink), FerryException.class);

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("AWS denied ecs:RegisterTaskDefinition to these credentials");
        assertThat(account.ecs.runTasks()).isEmpty();
        assertThat(account.ssm.values()).isEmpty();
        assertCanaryOnlyInPutParameter();
    }

    @Test
    void run_redis_targetsElastiCacheWithoutAPassword() {
        account.ecr.tag(MoverImage.forJar(jar, 17).tag());
        InNetworkMove.Request redis = new InNetworkMove.Request(DataKind.REDIS, null, new DataEndpoint(
                ConnectionUrl.parse("rediss://:" + CANARY + "@ec2-5-6-7-8.compute-1.amazonaws.com:6380", "t"), true),
                1, false);

        move().run(compose, redis, sink);

        JsonNode container = account.ecs.taskDefinitions().get(0).path("containerDefinitions").get(0);
        assertThat(container.path("environment").toString()).contains(
                "{\"name\":\"FERRY_TARGET_URL\",\"value\":\"redis://cache1.abc.use1.cache.amazonaws.com:6379\"}");
        assertThat(container.path("secrets").toString()).doesNotContain("PGPASSWORD");
        assertThat(container.path("command").toString()).doesNotContain("--jobs");
        assertThat(account.aws.requests("AmazonSSM.PutParameter").get(0).body())
                .contains("/ferry/shop/beta/mover/cache/source-url");
        assertThat(account.ssm.values()).isEmpty();
        assertCanaryOnlyInPutParameter();
    }

    @Test
    void run_toServiceNotAManagedDatabase_isBadInputBeforeAnyChange() {
        InNetworkMove.Request named = new InNetworkMove.Request(DataKind.POSTGRES, "web", postgres(false).source(), 1,
                false);
        assertThatThrownBy(() -> move().run(compose, named, sink)).isInstanceOf(FerryException.class)
                .hasMessageContaining("--to-service: service web is not a managed Postgres service");
        assertThat(account.aws.requests("AmazonSSM.PutParameter")).isEmpty();
    }

    @Test
    void run_stackWithoutTheNewOutputs_saysToRunUpOnce() {
        Map<String, String> old = new LinkedHashMap<>(appOutputs());
        old.remove(AppStackOutputs.DATABASE_SECRET_PREFIX + "Db");
        account.cloudFormation.existing(STACK, "UPDATE_COMPLETE", "{}", Map.of(), old);
        assertThatThrownBy(() -> move().run(compose, postgres(false), sink)).isInstanceOf(FerryException.class)
                .hasMessageContaining("has no output DatabaseSecretDb")
                .extracting(t -> ((FerryException) t).hint()).asString().contains("ferry compose up --provider aws");
        assertThat(account.aws.requests("AmazonSSM.PutParameter")).isEmpty();
    }

    @Test
    void describe_namesTheTargetAndTheImage_withoutAChange() {
        String text = move().describe(compose, postgres(false));
        assertThat(text).contains("RDS PostgreSQL db1.abc.us-east-1.rds.amazonaws.com:5432/shop as postgres")
                .contains("in stack ferry-shop-beta (us-east-1)").contains("built once by CodeBuild first")
                .doesNotContain(CANARY);
        assertThat(account.aws.requests().stream().map(FakeAws.Request::operation))
                .allMatch(o -> o.endsWith("DescribeStacks") || o.endsWith("DescribeImages"));
    }

    private List<String> logLines() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof FerryEvent.Log l && l.source().equals("data-mover"))
                    .map(e -> ((FerryEvent.Log) e).line()).toList();
        }
    }

    private List<Path> scratchEntries() {
        try (Stream<Path> entries = Files.list(dir.resolve("scratch"))) {
            return entries.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The source password is in the PutParameter request's body and nowhere else: no request, event or file. */
    private void assertCanaryOnlyInPutParameter() {
        for (FakeAws.Request request : account.aws.requests()) {
            String body = new String(account.aws.bodyBytes(request), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (request.operation().equals("AmazonSSM.PutParameter")) {
                assertThat(body).contains(CANARY);
            } else {
                assertThat(body).as(request.operation()).doesNotContain(CANARY);
                assertThat(request.path()).doesNotContain(CANARY);
                assertThat(request.headers().toString()).doesNotContain(CANARY);
            }
        }
        synchronized (events) {
            assertThat(events.toString()).doesNotContain(CANARY);
        }
    }
}

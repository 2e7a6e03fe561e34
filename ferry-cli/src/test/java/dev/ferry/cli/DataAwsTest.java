package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.FakeAwsAccount;
import dev.ferry.provider.aws.testing.MoverStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ferry data migrate --to aws` through the real CLI against one fake account: the plan, the one-off mover task
 * followed to its exit code, the source URL only ever in the temporary SSM parameter, which is gone afterwards.
 */
class DataAwsTest {

    private static final String CANARY = "CanaryPw41c0ffee";
    /** Nothing listens there: the local plan says it could not read the source (DataAwsIT reads a real one). */
    private static final String SOURCE = "postgres://u1:" + CANARY + "@127.0.0.1:1/d1";
    private static final String STACK = MoverStacks.STACK;
    private static final String LOG_GROUP = MoverStacks.LOG_GROUP;
    private static final Set<String> MUTATING = Set.of("S3.PUT", "CodeBuild_20161006.StartBuild",
            "AmazonEC2ContainerServiceV20141113.RunTask", "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
            "AmazonSSM.PutParameter", "AmazonSSM.DeleteParameter");

    @TempDir
    Path dir;
    private final FakeAwsAccount account = new FakeAwsAccount(
            new AwsSettings("us-east-1", "shop", ProviderSettings.defaults()));
    private final FakeAws aws = account.aws;
    private Path jar;

    @BeforeEach
    void deployedProject() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  db:
                    image: postgres:17
                    x-defang-postgres: true
                """);
        jar = dir.resolve("ferry.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 9});
        MoverStacks.deploy(account, MoverStacks.appOutputs(false));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    CliRunner.Run migrate(String... extra) {
        return migrateFrom(SOURCE, extra);
    }

    CliRunner.Run migrateFrom(String source, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--from-url", "env:SRC", "--to", "aws"));
        args.addAll(List.of(extra));
        return migrateWith(Map.of("SRC", source), args.toArray(String[]::new));
    }

    /** `ferry data migrate ARGS` against the fake account, with {@code extraEnv} (a source URL, a fake Heroku). */
    CliRunner.Run migrateWith(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(aws.env());
        env.put("FERRY_AWS_POLL_MILLIS", "1");
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        env.put("FERRY_MOVER_JAR", jar.toString());
        env.putAll(extraEnv);
        List<String> all = new java.util.ArrayList<>(List.of("data", "migrate"));
        all.addAll(List.of(args));
        return new CliRunner(dir).env(env).run(all.toArray(String[]::new));
    }

    FakeAws aws() {
        return aws;
    }

    private List<String> mutatingCalls() {
        return aws.requests().stream().map(FakeAws.Request::operation).filter(MUTATING::contains).toList();
    }

    @Test
    void migrateToAws_yes_runsTheMoverTaskStreamsItsOutputAndExits0() {
        account.logs.lines(LOG_GROUP, "data-mover/mover/task1abcdef", List.of("Copying 2 tables",
                "Verified: 2 tables, 10 rows"));

        CliRunner.Run run = migrate("--yes");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains("Plan: copy postgres://u1:***@127.0.0.1:1/d1")
                .contains("The source could not be read from this machine")
                .contains("RDS PostgreSQL db1.abc.us-east-1.rds.amazonaws.com:5432/shop as postgres")
                .contains("one-off ECS Fargate task").contains("Copying 2 tables").contains("Verified: 2 tables")
                .contains("Copied and verified");
        assertThat(account.codeBuild.started()).as("the mover image was built once").hasSize(1);
        assertThat(account.aws.requests("AmazonEC2ContainerServiceV20141113.RunTask").get(0).body())
                .contains("\"assignPublicIp\":\"DISABLED\"");
        assertThat(account.ssm.values()).as("the source URL's parameter is gone").isEmpty();
        assertThat(aws.unexpected()).isEmpty();
        assertCanaryOnlyInPutParameter(run);
    }

    @Test
    void migrateToAws_taskExits1_exits1WithTheTasksLastLines() {
        account.ecr.tag(dev.ferry.provider.aws.data.MoverImage.forJar(jar, 17).tag());
        account.ecs.exitNext(1);
        account.logs.lines(LOG_GROUP, "data-mover/mover/task1abcdef", List.of("Verification failed: orders"));

        CliRunner.Run run = migrate("--yes");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("the data mover task failed (exited 1)").contains("Verification failed: orders");
        assertThat(account.codeBuild.started()).as("the image was in ECR").isEmpty();
        assertThat(account.ssm.values()).isEmpty();
        assertCanaryOnlyInPutParameter(run);
    }

    @Test
    void migrateToAws_taskExits2_exits2NamingForce() {
        account.ecr.tag(dev.ferry.provider.aws.data.MoverImage.forJar(jar, 17).tag());
        account.ecs.exitNext(2);

        CliRunner.Run run = migrate("--yes");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--force");
        assertThat(account.ssm.values()).isEmpty();
    }

    @Test
    void migrateToAws_offATerminalWithoutYes_exits2BeforeAnyChange() {
        CliRunner.Run run = migrate();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("needs a confirmation").contains("--yes");
        assertThat(mutatingCalls()).isEmpty();
        assertCanaryOnlyInPutParameter(run);
    }

    @Test
    void migrateToAws_resume_exits2BeforeAnyAwsCall() {
        CliRunner.Run run = migrate("--yes", "--resume");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("ferry: --resume with --to aws: the copy runs in the deployment's network"
                + " and its state goes with the task; run again without --resume (add --force to replace what an"
                + " interrupted run copied)");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void migrateToAws_otherStack_notDeployed_exits2NamingIt() {
        CliRunner.Run run = migrate("--yes", "--stack", "production");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("\"shop\" (stack production) is not deployed to AWS in us-east-1");
        assertThat(mutatingCalls()).isEmpty();
    }

    /** The source password is in the PutParameter request's body and nowhere else: no request, no output line. */
    void assertCanaryOnlyInPutParameter(CliRunner.Run run) {
        assertThat(run.out() + run.err()).doesNotContain(CANARY);
        for (FakeAws.Request request : aws.requests()) {
            String body = new String(aws.bodyBytes(request), StandardCharsets.ISO_8859_1);
            if (!request.operation().equals("AmazonSSM.PutParameter")) {
                assertThat(body).as(request.operation()).doesNotContain(CANARY);
            }
        }
    }
}

package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsEcsFake;
import dev.ferry.provider.aws.testing.OpsEcsFake.FakeTask;
import dev.ferry.provider.aws.testing.OpsLogsFake;
import dev.ferry.provider.aws.testing.OpsSsmFake;
import dev.ferry.provider.aws.testing.OpsStackFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aws provider end to end through the CLI, against the local AWS fake (AWS_ENDPOINT_URL); no test reaches AWS. */
class AwsCommandsTest {

    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferry:shop-web-abc123";

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private final OpsSsmFake ssm = OpsSsmFake.on(aws);

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    build: .
                    ports: ["5000:5000"]
                    environment:
                      SECRET_KEY_BASE:
                  worker:
                    build: .
                  db:
                    image: postgres:17
                    x-defang-postgres: true
                """);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(aws.env());
        env.put("FERRY_AWS_POLL_MILLIS", "10");
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        return env;
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(env());
    }

    private OpsStackFake deployed() {
        return OpsStackFake.on(aws, "ferry-shop-beta", "UPDATE_COMPLETE", List.of("WebService", "Database"))
                .output("ClusterName", "ferry-shop-beta").output("Url", "http://shop-123.us-east-1.elb.amazonaws.com")
                .output("LogGroup", "/ferry/shop/beta").output("ServiceWeb", "shop-web").output("ServiceWorker", "shop-worker")
                .output("EndpointDb", "shop-db.abc.us-east-1.rds.amazonaws.com:5432")
                .parameter("ServicesEnabled", "true");
    }

    @Test
    void config_setFromStdinLsRm_roundTripThroughSsmPrintingNamesOnly() throws Exception {
        String secret = SecretFixtures.values().get(0);

        CliRunner.Run set = cli().stdin(secret + "\n").run("config", "set", "SECRET_KEY_BASE", "--provider", "aws");
        assertThat(set.exitCode()).as(set.all()).isZero();
        assertThat(set.err()).contains("Set SECRET_KEY_BASE in SSM Parameter Store /ferry/shop/beta/ in us-east-1");
        assertThat(ssm.values()).containsEntry("/ferry/shop/beta/SECRET_KEY_BASE", secret);
        var put = new ObjectMapper().readTree(aws.requests("AmazonSSM.PutParameter").get(0).body());
        assertThat(put.path("Type").asText()).isEqualTo("SecureString");
        assertThat(put.path("Overwrite").asBoolean()).isTrue();

        cli().run("config", "set", "API_TOKEN=tok-zzz", "--provider", "aws", "--stack", "production");
        assertThat(ssm.values()).containsKey("/ferry/shop/production/API_TOKEN");

        CliRunner.Run ls = cli().run("config", "ls", "--provider", "aws");
        assertThat(ls.exitCode()).as(ls.all()).isZero();
        assertThat(ls.out()).isEqualTo("SECRET_KEY_BASE\n");
        assertThat(aws.requests("AmazonSSM.GetParametersByPath")).allSatisfy(r ->
                assertThat(new ObjectMapper().readTree(r.body()).path("WithDecryption").asBoolean(true)).isFalse());

        CliRunner.Run rm = cli().run("config", "rm", "SECRET_KEY_BASE", "--provider", "aws");
        assertThat(rm.exitCode()).as(rm.all()).isZero();
        assertThat(ssm.values()).doesNotContainKey("/ferry/shop/beta/SECRET_KEY_BASE");

        for (CliRunner.Run run : List.of(set, ls, rm)) {
            for (String value : SecretFixtures.values()) {
                assertThat(run.all()).doesNotContain(value);
            }
        }
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void config_importFromHeroku_writesSecureStringsAndPrintsNamesOnly() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment()).run("config", "import", "--from", "heroku",
                    "--app", "vast-badlands-production", "--provider", "aws");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).isEqualTo("SECRET_KEY_BASE\n");
            assertThat(ssm.values()).containsEntry("/ferry/shop/beta/SECRET_KEY_BASE", SecretFixtures.values().get(0));
            for (String value : SecretFixtures.values()) {
                assertThat(run.all()).doesNotContain(value);
            }
            assertThat(heroku.violations()).isEmpty();
        }
    }

    @Test
    void ps_deployed_printsATableWithCountsHealthAndUrl() {
        deployed();
        OpsEcsFake.on(aws, "ferry-shop-beta")
                .service("shop-web", 1, 1, new FakeTask("t1", "RUNNING", "HEALTHY", IMAGE))
                .service("shop-worker", 1, 1, new FakeTask("t2", "RUNNING", "UNKNOWN", IMAGE));

        CliRunner.Run run = cli().run("compose", "ps", "--provider", "aws");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("SERVICE").contains("STATE").contains("IMAGE");
        assertThat(lines.get(1)).startsWith("web").contains("shop-web").contains("running 1/1").contains("healthy")
                .contains("http://shop-123.us-east-1.elb.amazonaws.com").contains(IMAGE);
        assertThat(lines.get(2)).startsWith("worker").contains("running 1/1");
        assertThat(lines.get(1).indexOf(IMAGE)).as("columns line up however long the URL")
                .isEqualTo(lines.get(0).indexOf("IMAGE"));
        assertThat(lines.get(3)).startsWith("db").contains("shop-db.abc.us-east-1.rds.amazonaws.com:5432");
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void ps_neverDeployed_oneLineWithTheFix() {
        OpsStackFake.on(aws, "ferry-shop-beta", null, List.of());
        CliRunner.Run run = cli().run("compose", "ps", "--provider", "aws", "--stack", "production");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("ferry: \"shop\" (stack production) is not deployed to AWS in us-east-1; "
                + "deploy it with ferry compose up --provider aws --stack production\n");
    }

    @Test
    void anyAwsCommand_noRegion_exit3WithOneLine() {
        Map<String, String> env = env();
        env.remove("AWS_REGION");
        CliRunner.Run run = new CliRunner(dir).env(env).run("compose", "ps", "--provider", "aws");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("ferry: no AWS region is set; export AWS_REGION=");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void composeConfig_noRegion_printsTheTemplateWithoutAnyAwsCall() {
        Map<String, String> env = env();
        env.remove("AWS_REGION");
        CliRunner.Run run = new CliRunner(dir).env(env).run("compose", "config", "--provider", "aws");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("\n---\n").contains("\"AWS::ECS::Cluster\"");
        assertThat(run.err()).contains("No AWS region is set");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void configLs_accessDenied_exit3NamingTheAction() {
        aws.on("AmazonSSM.GetParametersByPath", r -> FakeAws.Response.jsonError(400, "AccessDeniedException",
                "not authorized to perform: ssm:GetParametersByPath"));
        CliRunner.Run run = cli().run("config", "ls", "--provider", "aws");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("ferry: AWS denied ssm:GetParametersByPath to these credentials; allow ssm:GetParametersByPath");
    }

    @Test
    void ps_listTasksDenied_exit3OneLineFromTheProvider() {
        deployed();
        OpsEcsFake.on(aws, "ferry-shop-beta").service("shop-web", 1, 1).service("shop-worker", 1, 1);
        aws.on("AmazonEC2ContainerServiceV20141113.ListTasks", r -> FakeAws.Response.jsonError(400,
                "AccessDeniedException", "not authorized to perform: ecs:ListTasks"));

        CliRunner.Run run = cli().run("compose", "ps", "--provider", "aws");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("ferry: AWS denied ecs:ListTasks to these credentials; allow ecs:ListTasks");
    }

    @Test
    void up_configValueMissing_exit2NamingTheComposeLineBeforeAnyDeploy() {
        CliRunner.Run run = cli().run("compose", "up", "--provider", "aws");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines().filter(line -> line.startsWith("ferry: "))).singleElement().isEqualTo(
                "ferry: compose.yaml:7: no value in the aws config store for SECRET_KEY_BASE (needed by service web"
                        + " here); set it with `ferry config set --provider aws SECRET_KEY_BASE`, or copy secrets from"
                        + " Heroku with `ferry config import --provider aws --from heroku --app APP`");
        assertThat(aws.requests()).extracting(FakeAws.Request::operation).containsOnly("AmazonSSM.GetParametersByPath");
    }

    @Test
    void logs_serviceAndTail_printsPrefixedLines() {
        deployed();
        long now = Instant.now().toEpochMilli();
        OpsLogsFake.on(aws, "/ferry/shop/beta").line("web", now - 3000, "one").line("web", now - 2000, "two")
                .line("worker", now - 1000, "job done");

        CliRunner.Run run = cli().run("compose", "logs", "web", "--tail", "1", "--provider", "aws");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).isEqualTo("web      | two\n");
    }

    @Test
    void tail_aws_followsUntilInterrupted() throws Exception {
        deployed();
        long now = Instant.now().toEpochMilli();
        OpsLogsFake logs = OpsLogsFake.on(aws, "/ferry/shop/beta").line("web", now - 1000, "booted");
        AtomicReference<CliRunner.Run> result = new AtomicReference<>();
        Thread tail = new Thread(() -> result.set(cli().run("tail", "--provider", "aws")));
        tail.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (aws.requests("Logs_20140328.FilterLogEvents").size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        logs.line("worker", now + 10, "later line");
        Thread.sleep(300);
        tail.interrupt();
        tail.join(20_000);

        assertThat(tail.isAlive()).isFalse();
        assertThat(result.get().exitCode()).as(result.get().all()).isZero();
        assertThat(result.get().out()).contains("web      | booted").contains("worker   | later line");
        assertThat(result.get().out().split("later line", -1)).hasSize(2);
    }

    @Test
    void downForceDestroy_nonInteractiveWithoutYes_refusedExit2BeforeAnyDelete() {
        OpsStackFake stack = deployed();
        CliRunner.Run run = cli().run("compose", "down", "--provider", "aws", "--force-destroy", "--non-interactive");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("down deletes Database (no final snapshot) and the config values of \"shop\"")
                .contains("add --yes");
        assertThat(stack.exists()).isTrue();
        assertThat(aws.requests("CloudFormation.DeleteStack")).isEmpty();
    }

    @Test
    void downForceDestroy_answeredNo_deletesNothing() {
        OpsStackFake stack = deployed();
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("no"));
        CliRunner.Run run = cli().atTerminal(() -> prompter).run("compose", "down", "--provider", "aws", "--force-destroy");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(prompter.questions()).singleElement().asString().contains("no final snapshot");
        assertThat(stack.exists()).isTrue();
    }

    @Test
    void downForceDestroy_yes_deletesStackDatabasesAndConfig() {
        OpsStackFake stack = deployed();
        ssm.preset("/ferry/shop/beta/SECRET_KEY_BASE", "gone-soon");
        CliRunner.Run run = cli().run("compose", "down", "--provider", "aws", "--force-destroy", "--yes");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(stack.exists()).isFalse();
        assertThat(stack.template()).contains("\"DeletionPolicy\":\"Delete\"").doesNotContain("Snapshot");
        assertThat(ssm.values()).isEmpty();
        assertThat(run.err()).contains("Deleted stack ferry-shop-beta").contains("Deleted without a final snapshot: Database");
        // the template is read once: for the question, and the down acts on that reading
        assertThat(aws.requests("CloudFormation.GetTemplate")).hasSize(1);
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void down_default_keepsSnapshotsAndConfigAndSaysSo() {
        OpsStackFake stack = deployed();
        ssm.preset("/ferry/shop/beta/SECRET_KEY_BASE", "kept");
        CliRunner.Run run = cli().run("compose", "down", "--provider", "aws");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(stack.exists()).isFalse();
        assertThat(aws.requests("CloudFormation.UpdateStack")).isEmpty();
        assertThat(ssm.values()).containsKey("/ferry/shop/beta/SECRET_KEY_BASE");
        assertThat(run.err()).contains("Kept as final snapshots: Database").contains("config values stay in SSM Parameter Store");
        assertThat(aws.requests("CloudFormation.GetTemplate")).hasSize(1);
    }

    @Test
    void down_databaseWithoutFinalSnapshot_nonInteractiveWithoutYes_refusedBeforeAnyDelete() {
        OpsStackFake stack = OpsStackFake.on(aws, "ferry-shop-beta", "UPDATE_COMPLETE", List.of("WebService", "Cache"))
                .output("ClusterName", "ferry-shop-beta").output("LogGroup", "/ferry/shop/beta")
                .parameter("ServicesEnabled", "true");
        CliRunner.Run refused = cli().run("compose", "down", "--provider", "aws", "--non-interactive");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("down deletes Cache (no final snapshot) of \"shop\" and needs a yes")
                .contains("--mode balanced");
        assertThat(stack.exists()).isTrue();
        assertThat(aws.requests("CloudFormation.DeleteStack")).isEmpty();

        CliRunner.Run confirmed = cli().run("compose", "down", "--provider", "aws", "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(stack.exists()).isFalse();
        assertThat(confirmed.err()).contains("Deleted without a final snapshot: Cache");
    }

    @Test
    void badModeOrStack_exit2NamingTheChoices() {
        CliRunner.Run mode = cli().run("compose", "ps", "--provider", "aws", "--mode", "cheap");
        assertThat(mode.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mode.err()).contains("unknown mode \"cheap\"").contains("affordable, balanced, high_availability");
        CliRunner.Run stack = cli().run("config", "ls", "--provider", "aws", "--stack", "Prod_1");
        assertThat(stack.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stack.err()).contains("--stack Prod_1 is not a stack name");
    }

    @Test
    void help_describesTheAwsOptions() {
        assertThat(cli().run("compose", "up", "--help").out()).contains("--provider").contains("--stack")
                .contains("--mode").contains("--domain").contains("--dry-run");
        assertThat(cli().run("compose", "down", "--help").out()).contains("--force-destroy").contains("--yes")
                .contains("ferry-bootstrap");
        assertThat(cli().run("tail", "--help").out()).contains("--since").contains("SERVICE");
        assertThat(cli().run("config", "set", "--help").out()).contains("SSM Parameter Store").contains("--stack");
    }
}

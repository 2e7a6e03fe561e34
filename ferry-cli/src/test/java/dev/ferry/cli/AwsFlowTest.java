package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.FakeAwsAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's whole user flow on AWS through the CLI: init from the example snapshot, config set, up --dry-run,
 * up, ps, up again, down — against one fake account serving the deploy and the ops calls (AWS_ENDPOINT_URL).
 */
class AwsFlowTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "vast-badlands-production.snapshot.json");
    private static final String STACK = "ferry-shop-beta";
    /** Calls that change something in the account. */
    private static final Set<String> MUTATING = Set.of("S3.PUT", "CloudFormation.CreateChangeSet",
            "CloudFormation.ExecuteChangeSet", "CloudFormation.DeleteStack", "CloudFormation.UpdateStack",
            "CodeBuild_20161006.StartBuild", "AmazonEC2ContainerServiceV20141113.RunTask", "AmazonSSM.PutParameter",
            "AmazonSSM.DeleteParameters", "AmazonSSM.DeleteParameter");

    @TempDir
    Path dir;

    private Path project;
    private final FakeAwsAccount account = new FakeAwsAccount(
            new AwsSettings("us-east-1", "shop", ProviderSettings.defaults()));
    private final FakeAws aws = account.aws;
    private final List<CliRunner.Run> runs = new ArrayList<>();

    @BeforeEach
    void tutorialProject() throws IOException {
        project = Files.createDirectories(dir.resolve("shop"));
        CliRunner.Run init = run(cli().stdin(""), "init", "--from", "snapshot", EXAMPLE.toAbsolutePath().toString());
        assertThat(init.exitCode()).as(init.all()).isZero();
        // the app's source next to compose.yaml (build context "."): a tiny Node app
        Files.writeString(project.resolve("package.json"), """
                {"name": "shop", "version": "1.0.0", "scripts": {"start": "node web.js"}}
                """);
        Files.writeString(project.resolve("web.js"), "require('http').createServer((q, s) => s.end('hi'))"
                + ".listen(process.env.PORT)\n");
        Files.writeString(project.resolve("Procfile"), "web: node web.js\nrelease: node migrate.js\n");
        Files.writeString(project.resolve("migrate.js"), "console.log('migrated')\n");
        account.logs.lines("/ferry/shop/beta", "release/release/task1abcdef", List.of("migrated"));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private CliRunner cli() {
        Map<String, String> env = new HashMap<>(aws.env());
        env.put("FERRY_AWS_POLL_MILLIS", "1");
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        return new CliRunner(project).env(env);
    }

    private CliRunner.Run run(CliRunner cli, String... args) {
        CliRunner.Run run = cli.run(args);
        runs.add(run);
        return run;
    }

    private void setConfig(String name, String value) {
        CliRunner.Run set = run(cli().stdin(value + "\n"), "config", "set", name, "--provider", "aws");
        assertThat(set.exitCode()).as(set.all()).isZero();
    }

    private List<String> mutatingCalls() {
        return aws.requests().stream().map(FakeAws.Request::operation).filter(MUTATING::contains).toList();
    }

    @Test
    void tutorialFlow_initConfigDryRunUpPsUpAgainDown_deploysAndTearsDownKeepingSecretsOut() throws IOException {
        List<String> secrets = SecretFixtures.values();
        setConfig("SECRET_KEY_BASE", secrets.get(0));
        setConfig("POSTGRES_PASSWORD", secrets.get(2));
        assertThat(account.ssm.values()).containsEntry("/ferry/shop/beta/SECRET_KEY_BASE", secrets.get(0));
        int configCalls = mutatingCalls().size();

        CliRunner.Run dry = run(cli(), "compose", "up", "--provider", "aws", "--dry-run");
        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("\"AWSTemplateFormatVersion\"", "\"ServiceWeb\"");
        assertThat(dry.all()).contains("web", "release");
        assertThat(mutatingCalls()).as("dry run changes nothing").hasSize(configCalls);

        CliRunner.Run up = run(cli(), "compose", "up", "--provider", "aws");
        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.out()).contains("web: " + account.url);
        assertThat(up.err()).contains("build provisioning", "build completed", "ServiceWeb", "CREATE_COMPLETE")
                .containsSubsequence("Phase 1", "release", "exited 0", "Phase 2", "web", "running 1/1");
        List<String> operations = aws.requests().stream().map(FakeAws.Request::operation).toList();
        int release = operations.indexOf("AmazonEC2ContainerServiceV20141113.RunTask");
        assertThat(release).as("the release ran").isPositive();
        assertThat(account.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE", STACK + ":CREATE",
                STACK + ":UPDATE");
        assertThat(operations.subList(release, operations.size())).as("phase 2 after the release")
                .contains("CloudFormation.ExecuteChangeSet");
        assertThat(account.cloudFormation.executedParameters().get(2)).containsEntry("ServicesEnabled", "true");
        int builds = account.codeBuild.started().size();
        assertThat(builds).isPositive();

        CliRunner.Run ps = run(cli(), "compose", "ps", "--provider", "aws");
        assertThat(ps.exitCode()).as(ps.all()).isZero();
        assertThat(ps.out()).contains("web", "running 1/1");

        CliRunner.Run again = run(cli(), "compose", "up", "--provider", "aws");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(account.codeBuild.started()).as("nothing rebuilt").hasSize(builds);

        CliRunner.Run down = run(cli(), "compose", "down", "--provider", "aws", "--yes");
        assertThat(down.exitCode()).as(down.all()).isZero();
        assertThat(account.cloudFormation.stack(STACK)).isNull();
        assertThat(account.ssm.values()).as("config kept without --force-destroy").hasSize(2);

        assertThat(aws.unexpected()).isEmpty();
        assertNoSecretAnywhere();
    }

    @Test
    void up_configNameMissing_exitsTwoNamingItBeforeAnyMutatingCall() throws IOException {
        setConfig("SECRET_KEY_BASE", SecretFixtures.values().get(0));
        int before = mutatingCalls().size();

        CliRunner.Run up = run(cli(), "compose", "up", "--provider", "aws");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.err().lines().filter(l -> l.startsWith("ferry: ")).toList()).singleElement().asString()
                .contains("POSTGRES_PASSWORD", "ferry config set").doesNotContain("SECRET_KEY_BASE");
        assertThat(up.err()).doesNotContain("\tat ");
        assertThat(mutatingCalls()).hasSize(before);
        assertThat(aws.unexpected()).isEmpty();
        assertNoSecretAnywhere();
    }

    /** No canary in any output, any file of the project, or anything the fake was sent except SSM's PutParameter. */
    private void assertNoSecretAnywhere() throws IOException {
        for (String secret : SecretFixtures.values()) {
            for (CliRunner.Run run : runs) {
                assertThat(run.all()).doesNotContain(secret);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(secret);
                }
            }
            assertThat(aws.requests()).filteredOn(r -> !r.operation().equals("AmazonSSM.PutParameter"))
                    .allSatisfy(r -> assertThat(r.body()).doesNotContain(secret));
        }
    }
}

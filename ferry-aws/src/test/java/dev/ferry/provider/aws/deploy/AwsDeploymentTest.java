package dev.ferry.provider.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.FerryException;
import dev.ferry.provider.UpResult;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsDeploymentTest {

    @TempDir
    Path dir;

    @Test
    void up_firstDeploy_bootstrapsBuildsReleasesThenEnablesServices() throws Exception {
        try (DeployFixture f = new DeployFixture(dir)) {
            UpResult result = f.up();

            assertThat(f.aws.unexpected()).isEmpty();
            assertThat(result.endpoints()).containsExactly(new UpResult.Endpoint("web", DeployFixture.URL));
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE",
                    "ferry-shop-beta:CREATE", "ferry-shop-beta:UPDATE");

            // bootstrap: its IAM role needs the capability
            Request bootstrap = f.aws.requests("CloudFormation.CreateChangeSet").get(0);
            assertThat(bootstrap.form()).containsEntry("StackName", "ferry-bootstrap")
                    .containsEntry("ChangeSetType", "CREATE").containsEntry("Capabilities.member.1", "CAPABILITY_IAM")
                    .containsEntry("Capabilities.member.2", "CAPABILITY_NAMED_IAM").containsKey("TemplateBody");

            // one upload and one build for the context web and release share
            List<Request> puts = f.aws.requests("S3.PUT");
            assertThat(puts).hasSize(1);
            String key = FakeS3Paths.key(puts.get(0));
            assertThat(key).matches(DeployFixture.BUCKET + "/shop/release/[0-9a-f]{16}\\.tar\\.gz");
            String hash = key.substring(key.lastIndexOf('/') + 1, key.indexOf(".tar.gz"));
            String tar = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                    f.s3.content(DeployFixture.BUCKET, key.substring(key.indexOf('/') + 1)))).readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(tar).contains(".ferry-build/Dockerfile", "index.js", "migrate.js", "Procfile")
                    .doesNotContain("debug.log");
            String image = DeployFixture.REPOSITORY_URI + ":shop-release-" + hash;
            assertThat(f.aws.requests("CodeBuild_20161006.StartBuild")).hasSize(1);
            JsonNode build = f.codeBuild.started().get(0);
            assertThat(build.path("projectName").asText()).isEqualTo(DeployFixture.BUILD_PROJECT);
            assertThat(build.path("sourceTypeOverride").asText()).isEqualTo("S3");
            assertThat(build.path("sourceLocationOverride").asText()).isEqualTo(key);
            assertThat(build.path("buildspecOverride").asText()).contains("docker login --username AWS")
                    .contains("docker build -f /tmp/ferry-context/.ferry-build/Dockerfile -t '" + image + "'")
                    .contains("docker push '" + image + "'");

            // phase 1: every image, services held at 0 tasks; phase 2: services enabled
            List<Map<String, String>> phases = f.cloudFormation.executedParameters();
            assertThat(phases.get(1)).containsEntry("ImageRelease", image).containsEntry("ImageWeb", image)
                    .containsEntry("ServicesEnabled", "false");
            assertThat(phases.get(2)).containsEntry("ImageRelease", image).containsEntry("ImageWeb", image)
                    .containsEntry("ServicesEnabled", "true");

            // the release ran between the two phases, in the stack's network
            List<String> order = f.aws.requests().stream().map(Request::operation)
                    .filter(o -> o.endsWith("ExecuteChangeSet") || o.endsWith("RunTask")).toList();
            assertThat(order).containsExactly("CloudFormation.ExecuteChangeSet", "CloudFormation.ExecuteChangeSet",
                    "AmazonEC2ContainerServiceV20141113.RunTask", "CloudFormation.ExecuteChangeSet");
            JsonNode run = f.ecs.runTasks().get(0);
            assertThat(run.path("cluster").asText()).isEqualTo(DeployFixture.CLUSTER);
            assertThat(run.path("taskDefinition").asText()).isEqualTo(DeployFixture.RELEASE_TASK_DEFINITION);
            assertThat(run.path("launchType").asText()).isEqualTo("FARGATE");
            JsonNode vpc = run.path("networkConfiguration").path("awsvpcConfiguration");
            assertThat(vpc.path("subnets").toString()).isEqualTo("[\"subnet-aaa\",\"subnet-bbb\"]");
            assertThat(vpc.path("securityGroups").toString()).isEqualTo("[\"sg-123\"]");
            assertThat(vpc.path("assignPublicIp").asText()).isEqualTo("ENABLED");

            assertThat(f.statuses()).contains("release,web: build provisioning", "release,web: build post_build",
                    "release,web: built " + image, "ServiceWeb: CREATE_COMPLETE", "release: exited 0",
                    "web: running 1/1");
            assertThat(f.scratch).isEmptyDirectory();
        }
    }

    @Test
    void up_secondRunNothingChanged_noUploadNoBuildNoReleaseNoChanges() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.up();
            f.events.clear();

            UpResult second = f.up();

            assertThat(f.aws.unexpected()).isEmpty();
            assertThat(f.aws.requests("S3.PUT")).hasSize(1);
            assertThat(f.aws.requests("CodeBuild_20161006.StartBuild")).hasSize(1);
            assertThat(f.aws.requests("AmazonEC2ContainerServiceV20141113.RunTask")).hasSize(1);
            assertThat(f.cloudFormation.executed()).hasSize(3);
            assertThat(f.aws.requests("CloudFormation.DeleteChangeSet")).singleElement()
                    .satisfies(r -> assertThat(r.form()).containsEntry("StackName", DeployFixture.APP_STACK));
            assertThat(f.statuses()).contains("ferry-shop-beta: no changes", "web: running 1/1")
                    .anyMatch(s -> s.startsWith("release: context unchanged ("))
                    .anyMatch(s -> s.startsWith("release,web: image up to date (shop-release-"));
            assertThat(second.plan().isEmpty()).isTrue();
            assertThat(second.endpoints()).containsExactly(new UpResult.Endpoint("web", DeployFixture.URL));
        }
    }

    @Test
    void up_buildFails_errorCarriesTheBuildLogAndNoStackIsTouched() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.codeBuild.failNext(List.of("Step 3/7 : RUN npm ci", "npm ERR! code E404",
                    "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd"));

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
            assertThat(e.getMessage()).startsWith("the image build of release,web failed: BUILD FAILED: Error while"
                    + " executing command").contains("\n    npm ERR! code E404\n");
            assertThat(e.hint()).contains("ferry build");
            assertThat(f.aws.requests("CloudFormation.CreateChangeSet"))
                    .allSatisfy(r -> assertThat(r.form()).containsEntry("StackName", "ferry-bootstrap"));
            JsonNode logRead = FakeJson.parse(f.aws.requests("Logs_20140328.GetLogEvents").get(0));
            assertThat(logRead.path("logGroupName").asText()).isEqualTo(DeployFixture.BUILD_LOG_GROUP);
            assertThat(logRead.path("startFromHead").asBoolean()).isFalse();
            assertThat(f.aws.unexpected()).isEmpty();
            assertThat(f.scratch).isEmptyDirectory();
        }
    }

    @Test
    void up_releaseExits1OnAnUpdate_servicesKeepThePreviousImage() throws Exception {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.up();
            String previous = f.cloudFormation.stack(DeployFixture.APP_STACK).parameters().get("ImageWeb");
            java.nio.file.Files.writeString(f.project.resolve("migrate.js"), "throw new Error('boom')\n");
            f.ecs.exitNext(1);
            f.logs.lines(DeployFixture.LOG_GROUP, "release/release/task2abcdef",
                    List.of("Running migrations", "ERROR: relation \"users\" already exists"));

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
            assertThat(e.getMessage()).startsWith("the release release failed (exited 1); the services still run the"
                    + " previous version").contains("ERROR: relation \"users\" already exists");
            // phase 1 only: the release got its new image, web kept its own (UsePreviousValue), phase 2 never ran
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE", "ferry-shop-beta:CREATE",
                    "ferry-shop-beta:UPDATE", "ferry-shop-beta:UPDATE");
            Map<String, String> phase1 = f.cloudFormation.executedParameters().get(3);
            assertThat(phase1.get("ImageRelease")).isNotEqualTo(previous).startsWith(DeployFixture.REPOSITORY_URI);
            assertThat(phase1).containsEntry("ImageWeb", previous).containsEntry("ServicesEnabled", "true");
            Map<String, String> form = f.aws.requests("CloudFormation.CreateChangeSet").get(3).form();
            assertThat(parameter(form, "ImageWeb")).isEqualTo("UsePreviousValue");
            assertThat(f.cloudFormation.stack(DeployFixture.APP_STACK).parameters()).containsEntry("ImageWeb", previous);
            assertThat(f.aws.unexpected()).isEmpty();
        }
    }

    @Test
    void up_releaseFailsOnTheFirstCreate_servicesStayDisabled() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.ecs.exitNext(1);

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.getMessage()).contains("exited 1").contains("(no log lines in /ferry/shop/beta"
                    + " release/release/task1abcdef)");
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE", "ferry-shop-beta:CREATE");
            assertThat(f.cloudFormation.stack(DeployFixture.APP_STACK).parameters())
                    .containsEntry("ServicesEnabled", "false");
        }
    }

    @Test
    void up_stackRollsBack_failsNamingTheFirstFailedResource() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.cloudFormation.failNext(DeployFixture.APP_STACK, "TaskDefinitionRelease",
                    "Resource handler returned message: \"Invalid request provided: Create TaskDefinition: No Fargate"
                            + " configuration exists for given values: 384 CPU, 512 memory\"");

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
            assertThat(e.getMessage()).isEqualTo("stack ferry-shop-beta failed (ROLLBACK_COMPLETE):"
                    + " TaskDefinitionRelease (AWS::ECS::TaskDefinition) CREATE_FAILED: Resource handler returned"
                    + " message: \"Invalid request provided: Create TaskDefinition: No Fargate configuration exists"
                    + " for given values: 384 CPU, 512 memory\"");
            assertThat(e.hint()).contains("aws cloudformation delete-stack --stack-name ferry-shop-beta");
            assertThat(f.statuses()).contains("TaskDefinitionWeb: CREATE_FAILED: Resource creation cancelled",
                    "ferry-shop-beta: ROLLBACK_COMPLETE");
            assertThat(f.aws.requests("AmazonEC2ContainerServiceV20141113.RunTask")).isEmpty();
        }
    }

    @Test
    void up_interruptedWhileWaitingForTheRelease_detachesWithAClearMessage() throws Exception {
        try (DeployFixture f = new DeployFixture(dir)) {
            Thread[] upThread = new Thread[1];
            f.aws.on("AmazonEC2ContainerServiceV20141113.DescribeTasks", r -> {
                upThread[0].interrupt(); // Ctrl-C arrives while ferry waits for the release task
                return f.ecs.describeTasks(r);
            });
            List<String> filesBefore = listing(f.project);
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean flagKept = new java.util.concurrent.atomic.AtomicBoolean();
            upThread[0] = new Thread(() -> {
                try {
                    f.up();
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            upThread[0].start();
            upThread[0].join(120_000);

            assertThat(thrown.get()).isInstanceOf(FerryException.class);
            FerryException e = (FerryException) thrown.get();
            assertThat(e.getMessage()).isEqualTo("interrupted: ferry stopped watching; the release task of release"
                    + " (the services are not updated yet) keeps going in AWS");
            assertThat(e.hint()).contains("ferry tail --provider aws").contains("ferry compose ps --provider aws");
            assertThat(flagKept).isTrue();
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE", "ferry-shop-beta:CREATE");
            assertThat(f.scratch).isEmptyDirectory();
            assertThat(listing(f.project)).isEqualTo(filesBefore);
        }
    }

    @Test
    void up_interruptedWhileWatchingTheStack_stackKeepsDeployingAndTheMessageSaysWhereToLook() throws Exception {
        try (DeployFixture f = new DeployFixture(dir)) {
            Thread[] upThread = new Thread[1];
            f.aws.on("CloudFormation.DescribeStackEvents", r -> {
                if (r.form().get("StackName").equals(DeployFixture.APP_STACK)
                        && f.cloudFormation.stack(DeployFixture.APP_STACK).status().equals("CREATE_IN_PROGRESS")) {
                    upThread[0].interrupt();
                }
                return f.cloudFormation.describeStackEvents(r);
            });
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            upThread[0] = new Thread(() -> {
                try {
                    f.up();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            upThread[0].start();
            upThread[0].join(120_000);

            assertThat(thrown.get()).isInstanceOf(FerryException.class)
                    .hasMessage("interrupted: ferry stopped watching; the stack ferry-shop-beta keeps going in AWS");
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE", "ferry-shop-beta:CREATE");
            assertThat(f.aws.requests("AmazonEC2ContainerServiceV20141113.RunTask")).isEmpty();
            assertThat(f.scratch).isEmptyDirectory();
        }
    }

    @Test
    void up_stackBusyWithAnotherRun_oneLineWithTheFixBeforeAnyUpload() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.cloudFormation.existing(DeployFixture.APP_STACK, "UPDATE_IN_PROGRESS", "{}", Map.of(), Map.of());

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).isEqualTo("stack ferry-shop-beta is busy (UPDATE_IN_PROGRESS) with another run");
            assertThat(e.hint()).startsWith("wait until it finishes");
            assertThat(f.aws.requests("S3.PUT")).isEmpty();
        }
    }

    @Test
    void up_stackStuckInUpdateRollbackFailed_namesContinueUpdateRollback() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.cloudFormation.existing(DeployFixture.APP_STACK, "UPDATE_ROLLBACK_FAILED", "{}", Map.of(), Map.of());

            FerryException e = catchThrowableOfType(FerryException.class, f::up);

            assertThat(e.getMessage()).isEqualTo("stack ferry-shop-beta is stuck in UPDATE_ROLLBACK_FAILED");
            assertThat(e.hint()).contains("aws cloudformation continue-update-rollback --stack-name ferry-shop-beta");
        }
    }

    @Test
    void up_templateOverTheInlineLimit_uploadedAndPassedByUrl() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.templates = new StandInTemplates(60_000);

            f.up();

            Map<String, String> form = f.aws.requests("CloudFormation.CreateChangeSet").get(1).form();
            assertThat(form).doesNotContainKey("TemplateBody");
            assertThat(form.get("TemplateURL")).matches("https://" + DeployFixture.BUCKET
                    + "\\.s3\\.us-east-1\\.amazonaws\\.com/templates/ferry-shop-beta/[0-9a-f]{16}\\.json");
            String key = form.get("TemplateURL").substring(form.get("TemplateURL").indexOf(".com/") + 5);
            assertThat(f.s3.content(DeployFixture.BUCKET, key)).hasSizeGreaterThan(StackDeployer.INLINE_TEMPLATE_LIMIT);
            assertThat(f.cloudFormation.executed()).hasSize(3);
        }
    }

    @Test
    void up_configValueMissing_badInputBeforeAnyCall() {
        try (DeployFixture f = new DeployFixture(dir);
             dev.ferry.provider.aws.AwsClients clients = new dev.ferry.provider.aws.AwsClients(f.aws.env())) {
            FerryException e = catchThrowableOfType(FerryException.class, () -> f.deployment(clients)
                    .up(f.compose(), new java.util.TreeSet<>(), dev.ferry.provider.UpOptions.defaults()));

            assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
            assertThat(e.getMessage()).isEqualTo("compose.yaml:8: no value in the aws config store for DATABASE_URL"
                    + " (needed by service release here)");
            assertThat(f.aws.requests()).isEmpty();
        }
    }

    @Test
    void up_realTemplates_acceptedByTheFakeAndDeployedInTwoPhases() {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.templates = Templates.standard();

            UpResult result = f.up();

            assertThat(f.aws.unexpected()).isEmpty();
            assertThat(result.endpoints()).containsExactly(new UpResult.Endpoint("web", DeployFixture.URL));
            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:CREATE",
                    "ferry-shop-beta:CREATE", "ferry-shop-beta:UPDATE");
            assertThat(f.cloudFormation.stack("ferry-bootstrap").template())
                    .contains("\"AWS::CodeBuild::Project\"").contains("\"TemplateVersion\"");
            Map<String, String> phase2 = f.cloudFormation.executedParameters().get(2);
            assertThat(phase2).containsEntry("ServicesEnabled", "true").containsKeys("ImageRelease", "ImageWeb");
            assertThat(f.cloudFormation.stack(DeployFixture.APP_STACK).template())
                    .contains(DeployFixture.BUCKET.substring(0, 5)).doesNotContain("PLACEHOLDER");
        }
    }

    @Test
    void plan_firstDeploy_describeOnlyCallsAndEveryServiceNew() {
        try (DeployFixture f = new DeployFixture(dir);
             dev.ferry.provider.aws.AwsClients clients = new dev.ferry.provider.aws.AwsClients(f.aws.env())) {
            dev.ferry.provider.DeploymentPlan plan = f.deployment(clients).plan(f.compose(),
                    new java.util.TreeSet<>(List.of("DATABASE_URL")));

            assertThat(plan.changes()).extracting(c -> c.service() + " " + c.action())
                    .containsExactly("release RUN", "web CREATE");
            assertThat(plan.changes().get(0).reason()).startsWith("one-off ECS task before the services update;"
                    + " CodeBuild builds shop-release-");
            assertThat(f.aws.requests()).extracting(Request::operation).containsOnly("CloudFormation.DescribeStacks");
            assertThat(f.scratch).isEmptyDirectory();
        }
    }

    @Test
    void plan_afterACodeChange_rebuildRerunAndRollOnlyDescribing() throws Exception {
        try (DeployFixture f = new DeployFixture(dir)) {
            f.up();
            int before = f.aws.requests().size();
            java.nio.file.Files.writeString(f.project.resolve("index.js"), "// changed\n");
            try (dev.ferry.provider.aws.AwsClients clients = new dev.ferry.provider.aws.AwsClients(f.aws.env())) {
                dev.ferry.provider.DeploymentPlan plan = f.deployment(clients).plan(f.compose(),
                        new java.util.TreeSet<>(List.of("DATABASE_URL")));

                assertThat(plan.changes()).extracting(c -> c.service() + " " + c.action())
                        .containsExactly("release RUN", "web RECREATE");
                assertThat(plan.changes().get(1).reason()).startsWith("rolling update to ferry:shop-release-")
                        .contains("; CodeBuild builds shop-release-");
            }
            assertThat(f.aws.requests().subList(before, f.aws.requests().size())).extracting(Request::operation)
                    .containsOnly("CloudFormation.DescribeStacks",
                            "AmazonEC2ContainerRegistry_V20150921.DescribeImages");
        }
    }

    @Test
    void render_withoutABootstrapStack_placeholdersAndSaysSo() {
        try (DeployFixture f = new DeployFixture(dir);
             dev.ferry.provider.aws.AwsClients clients = new dev.ferry.provider.aws.AwsClients(f.aws.env())) {
            f.templates = Templates.standard();

            String template = f.deployment(clients).render(f.compose());

            assertThat(template).startsWith("{").contains("\"AWS::ECS::Cluster\"").contains("repository/PLACEHOLDER-repository");
            assertThat(f.events).anyMatch(e -> e instanceof dev.ferry.event.FerryEvent.Step s
                    && s.text().startsWith("The bootstrap stack could not be read"));
            assertThat(f.aws.requests()).extracting(Request::operation).containsOnly("CloudFormation.DescribeStacks");
        }
    }

    /** "UsePreviousValue", or the value, of a parameter in a CreateChangeSet form. */
    private static String parameter(Map<String, String> form, String key) {
        for (int i = 1; form.containsKey("Parameters.member." + i + ".ParameterKey"); i++) {
            if (form.get("Parameters.member." + i + ".ParameterKey").equals(key)) {
                return "true".equals(form.get("Parameters.member." + i + ".UsePreviousValue")) ? "UsePreviousValue"
                        : form.get("Parameters.member." + i + ".ParameterValue");
            }
        }
        return null;
    }

    private static List<String> listing(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.map(p -> folder.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}

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
}

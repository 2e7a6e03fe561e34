package dev.ferry.provider.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.EventSink;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapperTest {

    @TempDir
    Path dir;

    @Test
    void ensure_currentVersion_onlyReadsTheStack() {
        try (DeployFixture f = new DeployFixture(dir); AwsClients clients = new AwsClients(f.aws.env())) {
            f.cloudFormation.existing("ferry-bootstrap", "UPDATE_COMPLETE", "{}", Map.of(), outputs("1"));

            BootstrapOutputs outputs = bootstrapper(clients, f).ensure();

            assertThat(outputs.artifactBucket()).isEqualTo(DeployFixture.BUCKET);
            assertThat(f.aws.requests()).extracting(r -> r.operation()).containsOnly("CloudFormation.DescribeStacks");
        }
    }

    @Test
    void ensure_olderVersion_updatesTheStackThroughAChangeSet() {
        try (DeployFixture f = new DeployFixture(dir); AwsClients clients = new AwsClients(f.aws.env())) {
            f.cloudFormation.existing("ferry-bootstrap", "CREATE_COMPLETE", "{}", Map.of(), outputs("0"));

            BootstrapOutputs outputs = bootstrapper(clients, f).ensure();

            assertThat(f.cloudFormation.executed()).containsExactly("ferry-bootstrap:UPDATE");
            assertThat(f.cloudFormation.stack("ferry-bootstrap").status()).isEqualTo("UPDATE_COMPLETE");
            assertThat(outputs.buildProject()).isEqualTo(DeployFixture.BUILD_PROJECT);
            assertThat(f.aws.requests("CloudFormation.CreateChangeSet").get(0).form())
                    .containsEntry("ChangeSetType", "UPDATE").containsEntry("Tags.member.1.Key", "ferry:managed");
            assertThat(f.aws.unexpected()).isEmpty();
        }
    }

    private static Bootstrapper bootstrapper(AwsClients clients, DeployFixture f) {
        StackDeployer deployer = new StackDeployer(clients.cloudFormation(), clients.s3(),
                new Waiting(Duration.ofMillis(1)), EventSink.NONE);
        return new Bootstrapper(deployer, new StandInTemplates(), EventSink.NONE);
    }

    private static Map<String, String> outputs(String version) {
        return Map.of("ArtifactBucket", DeployFixture.BUCKET, "ImageRepositoryUri", DeployFixture.REPOSITORY_URI,
                "BuildProject", DeployFixture.BUILD_PROJECT, "BuildLogGroup", DeployFixture.BUILD_LOG_GROUP,
                Templates.VERSION_OUTPUT, version);
    }
}

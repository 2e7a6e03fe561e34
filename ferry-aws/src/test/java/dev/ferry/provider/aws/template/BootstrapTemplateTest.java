package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.provider.aws.testing.TemplateValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapTemplateTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/aws/bootstrap/template.json");

    @Test
    void build_always_validWithEveryBootstrapOutput() {
        ObjectNode template = BootstrapTemplate.build();
        assertThat(TemplateValidator.errors(template, new TemplateValidator.Expectations(Set.of(
                BootstrapOutputs.ARTIFACT_BUCKET, BootstrapOutputs.IMAGE_REPOSITORY_URI, BootstrapOutputs.BUILD_PROJECT,
                BootstrapOutputs.BUILD_LOG_GROUP, BootstrapTemplate.VERSION_OUTPUT), List.of()))).isEmpty();
    }

    @Test
    void build_always_carriesItsVersion() {
        ObjectNode template = BootstrapTemplate.build();
        String version = String.valueOf(BootstrapTemplate.VERSION);
        assertThat(template.path("Metadata").path("Ferry").path(BootstrapTemplate.VERSION_OUTPUT).asText()).isEqualTo(version);
        assertThat(template.path("Outputs").path(BootstrapTemplate.VERSION_OUTPUT).path("Value").asText()).isEqualTo(version);
    }

    @Test
    void build_bucket_privateAndEncrypted() {
        ObjectNode bucket = (ObjectNode) BootstrapTemplate.build().path("Resources").path("ArtifactBucket").path("Properties");
        assertThat(bucket.path("PublicAccessBlockConfiguration").toString()).doesNotContain("false");
        assertThat(bucket.path("BucketEncryption").toString()).contains("AES256");
    }

    @Test
    void build_always_matchesGolden() throws IOException {
        String json = Cfn.render(BootstrapTemplate.build());
        if (Boolean.getBoolean("ferry.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, json);
        }
        assertThat(json).isEqualTo(Files.readString(GOLDEN));
    }
}

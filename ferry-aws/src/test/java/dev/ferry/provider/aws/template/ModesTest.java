package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.DeploymentMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModesTest {

    @Test
    void markdownTable_docsAwsMd_carriesTheSameTable() throws IOException {
        String docs = Files.readString(Path.of("../docs/aws.md"));
        assertThat(docs).contains(Modes.markdownTable());
    }

    @Test
    void of_affordable_spotWithoutNat() {
        Modes.Settings s = Modes.of(DeploymentMode.AFFORDABLE);
        assertThat(s.capacityProvider()).isEqualTo("FARGATE_SPOT");
        assertThat(s.tasksInPublicSubnets()).isTrue();
        assertThat(s.finalSnapshot()).isFalse();
    }

    @Test
    void of_highAvailability_resilient() {
        Modes.Settings s = Modes.of(DeploymentMode.HIGH_AVAILABILITY);
        assertThat(s.natGateways()).isEqualTo(2);
        assertThat(s.dbMultiAz()).isTrue();
        assertThat(s.minTasks()).isGreaterThanOrEqualTo(2);
        assertThat(s.deletionProtection()).isTrue();
        assertThat(s.logRetentionDays()).isEqualTo(30);
    }
}

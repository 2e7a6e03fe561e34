package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the compose commands hand --stack/--mode/--domain to a provider and print its template (a recording provider). */
class ProviderOptionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        RecordingProviderFactory.CALLS.clear();
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    build: .
                    ports: ["5000:5000"]
                    environment:
                      SECRET_KEY_BASE:
                """);
    }

    @Test
    void upDryRun_printsTemplateAndPlanWithTheSettingsAndNeverCallsUp() {
        CliRunner.Run run = new CliRunner(dir).run("compose", "up", "--dry-run", "--provider", "recording",
                "--stack", "production", "--mode", "high-availability", "--domain", "shop.example.com");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n"
                + "Description: shop stack=production mode=high_availability domain=shop.example.com\n")
                .contains("create    web              new service");
        assertThat(RecordingProviderFactory.CALLS).containsExactly("render", "plan");
    }

    @Test
    void composeConfig_cloudProvider_templateFollowsAsASecondDocument() {
        CliRunner.Run run = new CliRunner(dir).run("compose", "config", "--provider", "recording");

        assertThat(run.exitCode()).as(run.all()).isZero();
        String[] documents = run.out().split("\n---\n");
        assertThat(documents).hasSize(2);
        assertThat(documents[0]).contains("services:").contains("web:");
        assertThat(documents[1]).startsWith("AWSTemplateFormatVersion").contains("stack=beta mode=affordable domain=-");
    }

    @Test
    void composeConfig_local_noTemplate() {
        CliRunner.Run run = new CliRunner(dir).env(java.util.Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()))
                .run("compose", "config");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("---").doesNotContain("AWSTemplateFormatVersion");
    }

    @Test
    void tail_otherProvider_followsTheLogs() {
        CliRunner.Run run = new CliRunner(dir).run("tail", "web", "--provider", "recording");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(RecordingProviderFactory.CALLS).containsExactly("logs follow=true");
    }

    @Test
    void downForceDestroy_yes_isDownWithVolumes() {
        CliRunner.Run run = new CliRunner(dir).run("compose", "down", "--force-destroy", "--yes", "--provider", "recording");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(RecordingProviderFactory.CALLS).containsExactly("down volumes=true");
    }
}

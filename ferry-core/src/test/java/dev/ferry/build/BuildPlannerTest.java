package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules the golden files show only indirectly: version sources, secrets, start commands. */
class BuildPlannerTest {

    private final BuildPlanner planner = new BuildPlanner();

    private ServiceBuildPlan plan(Map<String, String> files) {
        return planner.plan("web", SourceTree.of(files));
    }

    @Test
    void plan_nvmrcWithVersion_majorFromNvmrc() {
        ServiceBuildPlan plan = plan(Map.of("package.json", "{}", ".nvmrc", "v18.17.1\n"));
        assertThat(plan.version()).isEqualTo(VersionChoice.of("18", ".nvmrc \"v18.17.1\""));
        assertThat(plan.baseImages()).containsExactly("node:18-slim");
    }

    @Test
    void plan_enginesBeatsNvmrc_enginesVersion() {
        ServiceBuildPlan plan = plan(Map.of("package.json", "{\"engines\":{\"node\":\"20.x\"}}", ".nvmrc", "18"));
        assertThat(plan.version().version()).isEqualTo("20");
    }

    @Test
    void plan_nothingPinned_defaultVersionSaysSo() {
        ServiceBuildPlan plan = plan(Map.of("requirements.txt", ""));
        assertThat(plan.version().isDefault()).isTrue();
        assertThat(plan.dockerfile()).contains("from ferry's default");
    }

    @Test
    void plan_gemfileWithoutVersion_defaultRuby() {
        ServiceBuildPlan plan = plan(Map.of("Gemfile", "gem \"rack\"\n", "config.ru", "run App"));
        assertThat(plan.version()).isEqualTo(VersionChoice.byDefault(DefaultVersions.RUBY));
        assertThat(plan.findings()).extracting(f -> f.code()).contains("ruby-no-lockfile", "start-command-default");
    }

    @Test
    void plan_runtimeTxtAndPythonVersion_pythonVersionWinsWithoutWarning() {
        ServiceBuildPlan plan = plan(Map.of("requirements.txt", "", ".python-version", "3.12.4\n",
                "runtime.txt", "python-3.10.1"));
        assertThat(plan.version()).isEqualTo(VersionChoice.of("3.12", ".python-version \"3.12.4\""));
        assertThat(plan.findings()).extracting(f -> f.code()).doesNotContain("python-runtime-txt");
    }

    @Test
    void plan_javaVersionForms_major() {
        assertThat(plan(Map.of("pom.xml", "<project/>", "system.properties", "java.runtime.version=21.0.2"))
                .baseImages()).containsExactly("maven:3-eclipse-temurin-21", "eclipse-temurin:21-jre");
        assertThat(plan(Map.of("pom.xml", "<project/>", "system.properties", "java.runtime.version = zulu-11"))
                .version().version()).isEqualTo("11");
    }

    @Test
    void plan_goDirectiveOnly_goVersionFromDirective() {
        ServiceBuildPlan plan = plan(Map.of("go.mod", "module x/y\n\ngo 1.22.3\n", "main.go", "package main\n"));
        assertThat(plan.version()).isEqualTo(VersionChoice.of("1.22", "go.mod go directive"));
        assertThat(plan.startCommand()).isEqualTo("bin/y");
    }

    @Test
    void plan_appJsonWithSecretValue_valueNeverInDockerfile() {
        String secret = "sk_live_51HqLyjWDarjtT1zdp7dc";
        ServiceBuildPlan plan = plan(Map.of("package.json", "{}", "app.json",
                "{\"env\": {\"STRIPE_KEY\": {\"value\": \"" + secret + "\"}}}", "Procfile", "web: node index.js"));
        assertThat(plan.dockerfile()).doesNotContain(secret).doesNotContain("STRIPE_KEY").doesNotContain("ARG ");
    }

    @Test
    void plan_noProcfileNoDefault_commandThatExplainsAndWarning() {
        ServiceBuildPlan plan = plan(Map.of("requirements.txt", ""));
        assertThat(plan.startCommand()).contains("ferry found no start command for web").endsWith("exit 1");
        assertThat(plan.findings()).extracting(f -> f.code()).contains("start-command-missing");
    }

    @Test
    void plan_procfile_webCommandIsStartAndAllTypesListed() {
        ServiceBuildPlan plan = plan(Map.of("package.json", "{}", "Procfile",
                "worker: node worker.js\nweb: node web.js\n"));
        assertThat(plan.startCommand()).isEqualTo("node web.js");
        assertThat(plan.processes()).extracting(ProcessType::type).containsExactly("worker", "web");
    }

    @Test
    void plan_brokenPackageJson_badInputWithFileAndLine() {
        assertThatThrownBy(() -> plan(Map.of("package.json", "{\n  \"name\": \n}")))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("package.json:3: not valid JSON");
                });
    }

    @Test
    void plan_phpProcfileUsesVendorBin_shimLinkedThere() {
        ServiceBuildPlan plan = plan(Map.of("composer.json", "{}", "Procfile",
                "web: vendor/bin/heroku-php-apache2 www/"));
        assertThat(plan.dockerfile()).contains("ln -sf /usr/local/bin/heroku-php-apache2 vendor/bin/heroku-php-apache2");
        assertThat(plan.startCommand()).isEqualTo("vendor/bin/heroku-php-apache2 www/");
    }

    @Test
    void plan_dependencyFilesOnly_beforeSourceCopy() {
        List<String> lines = plan(Map.of("package.json", "{}", "package-lock.json", "{}")).dockerfile().lines().toList();
        assertThat(lines.indexOf("COPY package.json package-lock.json ./"))
                .isLessThan(lines.indexOf("COPY --chown=10001:10001 . ."));
    }
}

package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Dependency;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.testing.Schemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeMapperTest {

    private static AppSnapshot webWorkerRelease() {
        return Snapshots.heroku(
                List.of(new FormationEntry("web", "bin/web -p ${PORT:-5000}", 1, "Basic"),
                        new FormationEntry("worker", "bin/worker", 0, "Basic")),
                Map.of("release", "bin/migrate"),
                List.of(Snapshots.addOn("heroku-postgresql", "pg", "16", "DATABASE_URL")),
                List.of(new ConfigVarFact("DATABASE_URL", ConfigVarClass.ADDON_OWNED, null),
                        new ConfigVarFact("APP_MODE", ConfigVarClass.PLAIN, "live")));
    }

    @Test
    void map_app_servicesInWriteOrder() {
        ComposeProject project = ComposeMapper.map(webWorkerRelease()).project();
        assertThat(project.services()).extracting(ComposeService::name)
                .containsExactly("postgres", "web", "worker", "release");
        assertThat(project.volumes()).containsExactly("postgres-data");
    }

    @Test
    void map_release_oneOffThatAppServicesWaitFor() {
        ComposeProject project = ComposeMapper.map(webWorkerRelease()).project();
        ComposeService release = project.service("release");
        assertThat(release.restart()).isEqualTo("no");
        assertThat(release.deploy().replicas()).isNull();
        assertThat(release.dependsOn()).containsExactly(new Dependency("postgres", Condition.SERVICE_HEALTHY));
        assertThat(release.env("APP_MODE").value()).isEqualTo("live");
        for (String name : List.of("web", "worker")) {
            assertThat(project.service(name).dependsOn()).containsExactly(
                    new Dependency("postgres", Condition.SERVICE_HEALTHY),
                    new Dependency("release", Condition.SERVICE_COMPLETED_SUCCESSFULLY));
        }
    }

    @Test
    void map_web_portEnvHealthcheckAndShellCommand() {
        ComposeService web = ComposeMapper.map(webWorkerRelease()).project().service("web");
        assertThat(web.ports()).containsExactly("5000:5000");
        assertThat(web.env("PORT").value()).isEqualTo("5000");
        assertThat(web.healthcheck().test()).containsExactly("CMD-SHELL",
                "curl -s -o /dev/null http://127.0.0.1:$${PORT}/ || exit 1");
        assertThat(web.command()).containsExactly("/bin/sh", "-c", "bin/web -p $${PORT:-5000}");
        assertThat(web.build()).isEqualTo(new ComposeService.Build(".", null));
    }

    @Test
    void map_otherWebPort_usedForPortsAndEnv() {
        ComposeService web = ComposeMapper.map(webWorkerRelease(), 8080).project().service("web");
        assertThat(web.ports()).containsExactly("8080:8080");
        assertThat(web.env("PORT").value()).isEqualTo("8080");
    }

    @Test
    void map_worker_noPortNoPortEnvZeroReplicasWithNote() {
        MappingResult result = ComposeMapper.map(webWorkerRelease());
        ComposeService worker = result.project().service("worker");
        assertThat(worker.ports()).isEmpty();
        assertThat(worker.env("PORT")).isNull();
        assertThat(worker.healthcheck()).isNull();
        assertThat(worker.deploy().replicas()).isZero();
        assertThat(result.findings()).extracting(Finding::code).contains("replicas-zero");
    }

    @Test
    void map_unknownDynoSize_defaultResourcesAndOneWarning() {
        MappingResult result = ComposeMapper.map(Snapshots.heroku(
                List.of(new FormationEntry("web", "a", 1, "Huge-1"), new FormationEntry("worker", "b", 1, "Huge-1")),
                Map.of(), List.of(), List.of()));
        assertThat(result.project().service("web").deploy().limits())
                .isEqualTo(new ComposeService.Resources("1", "512M"));
        assertThat(result.findings()).filteredOn(f -> f.code().equals("dyno-size-unknown")).hasSize(1);
        assertThat(result.hasWarnings()).isTrue();
    }

    @Test
    void map_processNamedLikeABackingService_renamed() {
        MappingResult result = ComposeMapper.map(Snapshots.heroku(
                List.of(new FormationEntry("redis", "bin/redis-proxy", 1, "Basic")), Map.of(),
                List.of(Snapshots.addOn("heroku-redis", "r", "7", "REDIS_URL")), List.of()));
        assertThat(result.project().services()).extracting(ComposeService::name).containsExactly("redis", "redis-2");
        assertThat(result.report().processes()).singleElement()
                .extracting(MigrationReport.ProcessLine::service).isEqualTo("redis-2");
    }

    @Test
    void map_herokuYmlDockerfile_buildUsesIt() {
        var yml = new SourceFacts.HerokuYml(List.of(), Map.of("web", "docker/Web.Dockerfile"), List.of(), null,
                null, Map.of("web", "bin/start"));
        ComposeService web = ComposeMapper.map(Snapshots.source(null, null, yml)).project().service("web");
        assertThat(web.build()).isEqualTo(new ComposeService.Build(".", "docker/Web.Dockerfile"));
    }

    @Test
    void map_snapshotWithoutRelease_noReleaseDependency() {
        MappingResult result = ComposeMapper.map(Snapshots.heroku(
                List.of(new FormationEntry("web", "a", 1, "Basic")), Map.of(), List.of(), List.of()));
        assertThat(result.project().service("web").dependsOn()).isEmpty();
    }

    @Test
    void map_anyProject_validCompose() {
        assertThat(Schemas.composeErrors(ComposeYamlWriter.write(ComposeMapper.map(webWorkerRelease()).project())))
                .isEmpty();
    }

    @Test
    void map_app_noTopLevelNameSoTheFolderNamesTheProject() {
        ComposeProject project = ComposeMapper.map(webWorkerRelease()).project();
        assertThat(project.name()).isNull();
        assertThat(ComposeYamlWriter.write(project)).doesNotContain("\nname:");
    }
}

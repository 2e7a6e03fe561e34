package dev.ferry.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.DeploymentPlan.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDeploymentTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            name: shop
            services:
              web:
                image: app
                command: ["/bin/sh", "-c", "node web.js $${PORT}"]
                ports: ["5000:5000"]
                environment:
                  DATABASE_URL: postgres://u:${DB_PASSWORD}@db/app
                  DB_PASSWORD:
                  PRICE: $$5
                volumes: ["./static:/app/static", "cache:/cache"]
                depends_on:
                  release: {condition: service_completed_successfully}
                  db: {condition: service_healthy}
                deploy: {replicas: 2, resources: {limits: {memory: 512M, cpus: "0.5"}}}
              release:
                image: app
                restart: "no"
                depends_on: [db]
              db:
                image: postgres:17
                x-defang-postgres: true
            volumes:
              cache: {}
            """;

    private final Function<String, Optional<String>> store = n -> n.equals("DB_PASSWORD") ? Optional.of("s3cr3t") : Optional.empty();

    private LoadedCompose load(String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(file, "compose.yaml", new LoadOptions(Map.of(), List.of(), Set.of("DB_PASSWORD"), null));
    }

    @Test
    void startOrder_dependenciesFirst() throws IOException {
        assertThat(LocalDeployment.startOrder(load(YAML))).extracting(ComposeService::name).containsExactly("db", "release", "web");
    }

    @Test
    void startOrder_cycle_isBadInputNamingTheCircle() throws IOException {
        LoadedCompose loaded = load("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n");
        assertThatThrownBy(() -> LocalDeployment.startOrder(loaded)).hasMessageContaining("a -> b -> a");
    }

    @Test
    void containers_resolveStoreValuesAndDollars_oneSpecPerReplica_portsOnTheFirst() throws IOException {
        LoadedCompose loaded = load(YAML);
        List<ContainerSpec> web = LocalDeployment.containers(loaded, loaded.project().service("web"), "app", "sha256:1", store);
        assertThat(web).extracting(ContainerSpec::name).containsExactly("shop-web-1", "shop-web-2");
        ContainerSpec first = web.get(0);
        assertThat(first.environment()).containsEntry("DATABASE_URL", "postgres://u:s3cr3t@db/app")
                .containsEntry("DB_PASSWORD", "s3cr3t").containsEntry("PRICE", "$5");
        assertThat(first.command()).containsExactly("/bin/sh", "-c", "node web.js ${PORT}");
        assertThat(first.ports()).containsExactly("5000:5000");
        assertThat(web.get(1).ports()).isEmpty();
        assertThat(first.volumes()).containsExactly(dir.resolve("static") + ":/app/static", "shop_cache:/cache");
        assertThat(first.memory()).isEqualTo("512m");
        assertThat(first.cpus()).isEqualTo("0.5");
        assertThat(first.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void containers_managedPostgres_getsANamedDataVolume() throws IOException {
        LoadedCompose loaded = load(YAML);
        ContainerSpec db = LocalDeployment.containers(loaded, loaded.project().service("db"), "postgres:17", "id", store).get(0);
        assertThat(db.volumes()).containsExactly("shop_db-data:/var/lib/postgresql/data");
        assertThat(LocalDeployment.namedVolumes(List.of(db))).containsExactly("shop_db-data");
    }

    @Test
    void hash_changesWithAStoreValueOrTheImage_notOtherwise() throws IOException {
        LoadedCompose loaded = load(YAML);
        ComposeService web = loaded.project().service("web");
        String hash = LocalDeployment.containers(loaded, web, "app", "id1", store).get(0).hash();
        assertThat(LocalDeployment.containers(loaded, web, "app", "id1", store).get(0).hash()).isEqualTo(hash);
        assertThat(LocalDeployment.containers(loaded, web, "app", "id2", store).get(0).hash()).isNotEqualTo(hash);
        assertThat(LocalDeployment.containers(loaded, web, "app", "id1", n -> Optional.of("other")).get(0).hash())
                .isNotEqualTo(hash);
    }

    @Test
    void hostPort_readsTheShortSyntax() {
        assertThat(LocalDeployment.hostPort("5000:5000")).isEqualTo(5000);
        assertThat(LocalDeployment.hostPort("127.0.0.1:8080:80/tcp")).isEqualTo(8080);
        assertThat(LocalDeployment.hostPort("80")).isEqualTo(-1);
        assertThat(LocalDeployment.hostPort("127.0.0.1::80")).isEqualTo(-1);
    }

    @Test
    void plan_comparesHashesAndStates() throws IOException {
        LoadedCompose loaded = load(YAML);
        Map<String, List<ContainerSpec>> desired = new LinkedHashMap<>();
        for (ComposeService s : LocalDeployment.startOrder(loaded)) {
            desired.put(s.name(), LocalDeployment.containers(loaded, s, "app", "id", store));
        }
        assertThat(LocalPlanner.plan(desired, List.of()).changes()).extracting(DeploymentPlan.Change::action)
                .containsExactly(Action.CREATE, Action.RUN, Action.CREATE);

        String dbHash = desired.get("db").get(0).hash();
        String releaseHash = desired.get("release").get(0).hash();
        List<ExistingContainer> running = List.of(
                new ExistingContainer("shop-db-1", "db", dbHash, "running", 0, "healthy", List.of(), "postgres:17"),
                new ExistingContainer("shop-release-1", "release", releaseHash, "exited", 0, "", List.of(), "app"),
                new ExistingContainer("shop-web-1", "web", desired.get("web").get(0).hash(), "running", 0, "", List.of(), "app"),
                new ExistingContainer("shop-web-2", "web", "stale", "running", 0, "", List.of(), "app"),
                new ExistingContainer("shop-old-1", "old", "x", "running", 0, "", List.of(), "app"));
        DeploymentPlan plan = LocalPlanner.plan(desired, running);
        assertThat(plan.changes()).extracting(DeploymentPlan.Change::service, DeploymentPlan.Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db", Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple("release", Action.KEEP),
                        org.assertj.core.groups.Tuple.tuple("web", Action.RECREATE),
                        org.assertj.core.groups.Tuple.tuple("old", Action.REMOVE));

        List<ExistingContainer> failedRelease = List.of(
                new ExistingContainer("shop-release-1", "release", releaseHash, "exited", 1, "", List.of(), "app"));
        assertThat(LocalPlanner.plan(desired, failedRelease).changes().get(1))
                .isEqualTo(new DeploymentPlan.Change("release", Action.RUN, "its last run did not complete"));
    }

    @Test
    void containerArgs_carryNoEnvironmentValue_andShellJoinCmdHealthchecks() throws IOException {
        LoadedCompose loaded = load(YAML.replace("    ports: [\"5000:5000\"]\n",
                "    ports: [\"5000:5000\"]\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://x/a b\"]\n"));
        ContainerSpec web = LocalDeployment.containers(loaded, loaded.project().service("web"), "app", "id", store).get(0);
        List<String> args = ContainerArgs.run(web, "shop", dir.resolve("env"));
        assertThat(String.join(" ", args)).doesNotContain("s3cr3t").contains("--env-file " + dir.resolve("env"))
                .contains("--network shop_default", "--network-alias web", "-p 5000:5000", "--memory 512m");
        assertThat(args).containsSubsequence("--health-cmd", "curl -f 'http://x/a b'");
        assertThat(args.subList(args.indexOf("app"), args.size())).containsExactly("app", "/bin/sh", "-c", "node web.js ${PORT}");
        assertThat(ContainerArgs.envFile(web)).contains("DB_PASSWORD=s3cr3t\n");
    }
}

package dev.ferry.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.ComposeYamlWriter;
import dev.ferry.testing.Schemas;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {

    @TempDir
    Path dir;

    private LoadedCompose load(String yaml, Map<String, String> env) throws IOException {
        return load(yaml, new LoadOptions(env, List.of(), Set.of(), null));
    }

    private LoadedCompose load(String yaml, LoadOptions options) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(file, "compose.yaml", options);
    }

    private static List<String> codes(LoadedCompose loaded) {
        return loaded.findings().stream().map(Finding::code).toList();
    }

    @Test
    void load_unknownKey_namesFileLineAndKey() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: nginx\n    imagee: typo\n", Map.of()))
                .isInstanceOf(FerryException.class)
                .hasMessageStartingWith("compose.yaml:4: services.web.imagee: ")
                .hasMessageContaining("imagee")
                .satisfies(e -> assertThat(((FerryException) e).kind()).isEqualTo(FerryException.Kind.BAD_INPUT));
    }

    @Test
    void load_wrongType_namesTheLine() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: nginx\n    ports: 80\n", Map.of()))
                .hasMessageStartingWith("compose.yaml:4: services.web.ports: ");
    }

    @Test
    void load_badYaml_namesTheLine() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: [nginx\n", Map.of()))
                .hasMessageStartingWith("compose.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void load_environmentWinsOverDotEnv_andDefaultsApply() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=from-dotenv\nPORT=8080\n");
        LoadedCompose loaded = load("services:\n  web:\n    image: \"nginx:${TAG}\"\n    ports: [\"${PORT}:80\"]\n"
                + "    environment:\n      MODE: ${MODE:-dev}\n      PRICE: $$5\n", Map.of("TAG", "from-shell"));
        ComposeService web = loaded.project().service("web");
        assertThat(web.image()).isEqualTo("nginx:from-shell");
        assertThat(web.ports()).containsExactly("8080:80");
        assertThat(web.env("MODE").value()).isEqualTo("dev");
        assertThat(web.env("PRICE").value()).isEqualTo("$$5");
    }

    @Test
    void load_requiredVariableMissing_namesTheLineAndMessage() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: nginx\n    environment:\n"
                + "      URL: ${API_URL:?set API_URL to the API's address}\n", Map.of()))
                .hasMessage("compose.yaml:5: variable API_URL is not set: set API_URL to the API's address");
    }

    @Test
    void load_bareEntryReferencedElsewhere_staysDeferredForTheStore() throws IOException {
        LoadedCompose loaded = load("services:\n  web:\n    image: app\n    environment:\n      PASSWORD:\n"
                + "      DATABASE_URL: postgres://u:${PASSWORD}@db/app\n      TOKEN: ${API_TOKEN}\n",
                new LoadOptions(Map.of("PASSWORD", "from-shell-never-used"), List.of(), Set.of("API_TOKEN"), null));
        ComposeService web = loaded.project().service("web");
        assertThat(web.env("PASSWORD").isBare()).isTrue();
        assertThat(web.env("DATABASE_URL").value()).isEqualTo("postgres://u:${PASSWORD}@db/app");
        assertThat(web.env("TOKEN").value()).isEqualTo("${API_TOKEN}");
        assertThat(loaded.neededConfig()).containsExactly("API_TOKEN", "PASSWORD");
        assertThat(codes(loaded)).doesNotContain("secret-literal", "variable-unset");
    }

    @Test
    void firstUse_bareEntryOrReference_theServiceAndLineOfTheFirstEntryNeedingIt() throws IOException {
        LoadedCompose loaded = load("services:\n  web:\n    image: app\n    environment:\n      PORT: \"5000\"\n"
                + "      TOKEN: ${API_TOKEN}\n  worker:\n    image: app\n    environment:\n      PASSWORD:\n"
                + "      API: ${API_TOKEN}\n", new LoadOptions(Map.of(), List.of(), Set.of("API_TOKEN"), null));

        assertThat(loaded.firstUse("API_TOKEN")).contains(new LoadedCompose.ConfigUse("web", 6));
        assertThat(loaded.firstUse("PASSWORD")).contains(new LoadedCompose.ConfigUse("worker", 10));
        assertThat(loaded.firstUse("PORT")).isEmpty();
    }

    @Test
    void load_profiles_keepOnlyActiveServices() throws IOException {
        String yaml = "services:\n  web:\n    image: a\n  debug:\n    image: b\n    profiles: [tools]\n";
        assertThat(load(yaml, Map.of()).project().services()).extracting(ComposeService::name).containsExactly("web");
        assertThat(load(yaml, new LoadOptions(Map.of(), List.of("tools"), Set.of(), null)).project().services())
                .extracting(ComposeService::name).containsExactly("web", "debug");
        assertThat(load(yaml, Map.of("COMPOSE_PROFILES", "tools")).project().services()).hasSize(2);
    }

    @Test
    void load_dependencyOutsideProfiles_isBadInput() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: a\n    depends_on: [debug]\n  debug:\n"
                + "    image: b\n    profiles: [tools]\n", Map.of()))
                .hasMessage("compose.yaml:4: service web depends on debug, which is not in the active profiles");
    }

    @Test
    void load_longSyntaxAndMergeKeys_becomeTheModelsShortForms() throws IOException {
        Files.writeString(dir.resolve("web.env"), "FROM_FILE=1\nOVERRIDDEN=file\n");
        LoadedCompose loaded = load("x-base: &base\n  restart: always\n  deploy:\n    resources:\n      limits:\n"
                + "        memory: 256M\nservices:\n  web:\n    <<: *base\n    image: app\n    command: npm run \"start it\"\n"
                + "    env_file: web.env\n    environment:\n      - OVERRIDDEN=env\n      - BARE\n"
                + "    ports:\n      - target: 80\n        published: 8080\n    volumes:\n      - type: volume\n"
                + "        source: data\n        target: /data\n        read_only: true\n"
                + "    healthcheck:\n      test: curl -f http://localhost\n    depends_on: [db]\n  db:\n    image: app\n"
                + "volumes:\n  data: {}\n", Map.of());
        ComposeService web = loaded.project().service("web");
        assertThat(web.restart()).isEqualTo("always");
        assertThat(web.deploy().limits().memory()).isEqualTo("256M");
        assertThat(web.command()).containsExactly("npm", "run", "start it");
        assertThat(web.environment()).extracting(ComposeService.EnvEntry::name).containsExactly("FROM_FILE", "OVERRIDDEN", "BARE");
        assertThat(web.env("OVERRIDDEN").value()).isEqualTo("env");
        assertThat(web.env("BARE").isBare()).isTrue();
        assertThat(web.ports()).containsExactly("8080:80");
        assertThat(web.volumes()).containsExactly("data:/data:ro");
        assertThat(web.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://localhost");
        assertThat(web.dependsOn()).containsExactly(new ComposeService.Dependency("db", ComposeService.Condition.SERVICE_STARTED));
        assertThat(loaded.project().volumes()).containsExactly("data");
    }

    @Test
    void load_checks_reportEachProblemWithItsPlaceAndNoValue() throws IOException {
        LoadedCompose loaded = load("services:\n  web:\n    image: app\n    ports: [\"80:80\"]\n"
                + "    environment:\n      SECRET_KEY_BASE: abc123notsosecret\n      LANG: en_US.UTF-8\n"
                + "    secrets: [x]\n  db:\n    image: postgres:17\n    deploy:\n      resources:\n"
                + "        limits:\n          memory: 1G\nsecrets:\n  x:\n    file: ./x\n",
                new LoadOptions(Map.of(), List.of(), Set.of(), Set.of("image", "ports", "environment", "deploy")));
        assertThat(codes(loaded)).containsExactlyInAnyOrder("healthcheck-missing", "memory-limit-missing",
                "secret-literal", "unsupported-key", "stateful-image-unmanaged");
        assertThat(loaded.findings()).filteredOn(f -> f.code().equals("secret-literal")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("service web (compose.yaml:6)"));
        assertThat(loaded.findings()).filteredOn(f -> f.code().equals("unsupported-key")).singleElement()
                .satisfies(f -> assertThat(f.subject() + f.message()).contains("compose.yaml:8", "secrets"));
        assertThat(loaded.findings().toString()).doesNotContain("abc123notsosecret");
    }

    @Test
    void load_managedPostgres_isNotFlaggedAsStateful() throws IOException {
        LoadedCompose loaded = load("services:\n  db:\n    image: postgres:17\n    x-defang-postgres: true\n", Map.of());
        // nor asked for a memory limit: the provider sizes a managed database (ferry's own output has none)
        assertThat(codes(loaded)).doesNotContain("stateful-image-unmanaged", "memory-limit-missing");
    }

    @Test
    void load_ferryGeneratedFile_roundTripsThroughTheWriter() throws IOException {
        String yaml = "services:\n  web:\n    build:\n      context: \".\"\n    command:\n      - /bin/sh\n"
                + "      - \"-c\"\n      - \"node server.js $${PORT:-5000}\"\n    ports:\n      - \"5000:5000\"\n"
                + "    environment:\n      DATABASE_URL: \"postgres://postgres:${POSTGRES_PASSWORD}@postgres:5432/app\"\n"
                + "      POSTGRES_PASSWORD:\n    restart: \"no\"\n    x-defang-postgres: true\n";
        LoadedCompose loaded = load(yaml, Map.of());
        String written = ComposeYamlWriter.write(loaded.project());
        assertThat(written).isEqualTo(yaml);
        assertThat(Schemas.composeErrors(written)).isEmpty();
    }

    @Test
    void bundledSchema_isTheSharedCopy() throws IOException {
        try (var in = ComposeSchema.class.getResourceAsStream(ComposeSchema.RESOURCE)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(SharedData.resolve("schemas/compose/compose-spec.json")));
        }
    }
}

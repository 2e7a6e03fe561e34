package dev.ferry.heroku.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.Schemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FakeHerokuApiTest {

    private static final Path FIXTURES = Path.of("src/test/resources/heroku-api");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fixtures_everyPlatformApiFile_validatesAgainstItsSchemaDefinition() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        int checked = 0;
        for (Path file : files) {
            String relative = FIXTURES.relativize(file).toString().replace('\\', '/');
            if (relative.contains("/data/")) {
                continue; // the data API is not in the Platform API schema
            }
            String apiPath = apiPath(relative);
            var route = SchemaRoutes.match("GET", apiPath);
            assertThat(route).as("route for " + relative + " (" + apiPath + ")").isPresent();
            assertThat(FixtureValidation.errors(route.get().definition(), json.readTree(file.toFile())))
                    .as(relative).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void fixtures_inventedField_failsValidation() throws Exception {
        var formation = json.readTree(FIXTURES.resolve("vast-badlands-production/formation.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) formation.get(0)).put("replicas", 1);
        assertThat(Schemas.herokuErrors("formation", formation)).anyMatch(e -> e.contains("replicas"));
    }

    @Test
    void fixtureValidation_domainHostname_onlyTheUriFormatDefectIsForgiven() throws Exception {
        var domains = json.readTree(FIXTURES.resolve("harbor-shop-production/domains.json").toFile());
        assertThat(Schemas.herokuErrors("domain", domains)).isNotEmpty();
        assertThat(FixtureValidation.errors("domain", domains)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) domains.get(0)).put("hostname", 42);
        assertThat(FixtureValidation.errors("domain", domains)).anyMatch(e -> e.contains("hostname"));
    }

    @Test
    void checkFixtures_bundledApps_none() {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production")
                .withApp("vast-badlands-staging").withApp("harbor-shop-production")) {
            assertThat(fake.checkFixtures()).isEmpty();
        }
    }

    @Test
    void checkFixtures_inventedField_reportedAndFailsClose(@org.junit.jupiter.api.io.TempDir Path root)
            throws Exception {
        Path app = Files.createDirectories(root.resolve("my-app"));
        Files.writeString(app.resolve("app.json"), "{\"name\":\"my-app\",\"replicas\":3}");
        FakeHerokuApi fake = FakeHerokuApi.start(root).withApp("my-app");
        assertThat(fake.checkFixtures()).isNotEmpty().allMatch(error -> error.contains("replicas"))
                .anyMatch(error -> error.startsWith("fixture for GET /apps/my-app: "));
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class);
    }

    @Test
    void get_listWithoutRange_isAViolationReportedOnClose() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production");
        HttpResponse<String> response = http.send(request(fake, "/apps/vast-badlands-production/formation")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.violations()).singleElement().asString().contains("without a Range header");
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("Range");
    }

    @Test
    void get_wrongAcceptHeader_isRefusedAndReported() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production");
        HttpResponse<String> response = http.send(request(fake, "/apps/vast-badlands-production")
                .setHeader("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("Accept");
    }

    @Test
    void get_pathOutsideTheSchema_isReported() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production");
        HttpResponse<String> response = http.send(request(fake, "/apps/vast-badlands-production/dynos-typo")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("schema");
    }

    @Test
    void get_wrongToken_answers401LikeHeroku() throws Exception {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            HttpResponse<String> response = http.send(request(fake, "/apps/vast-badlands-production")
                    .setHeader("Authorization", "Bearer not-the-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json.readTree(response.body()).path("id").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void get_pagedList_servesPagesWithNextRange() throws Exception {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("harbor-shop-production")) {
            HttpResponse<String> first = http.send(request(fake, "/apps/harbor-shop-production/formation")
                    .header("Range", "id ..; max=1000").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(206);
            assertThat(json.readTree(first.body())).hasSize(2);
            String next = first.headers().firstValue("Next-Range").orElseThrow();
            HttpResponse<String> second = http.send(request(fake, "/apps/harbor-shop-production/formation")
                    .header("Range", next).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(json.readTree(second.body())).hasSize(2);
            assertThat(json.readTree(second.body()).get(0).path("id").asText())
                    .isGreaterThan(json.readTree(first.body()).get(1).path("id").asText());
        }
    }

    @Test
    void get_unknownApp_answers404NotFound() throws Exception {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            HttpResponse<String> response = http.send(request(fake, "/apps/no-such-app").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json.readTree(response.body()).path("id").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void patch_maintenance_appliedAndSeenByTheNextGet() throws Exception {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            HttpResponse<String> patched = http.send(patch(fake, "/apps/vast-badlands-production",
                    "{\"maintenance\":true}"), HttpResponse.BodyHandlers.ofString());
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(json.readTree(patched.body()).path("maintenance").asBoolean()).isTrue();
            HttpResponse<String> read = http.send(request(fake, "/apps/vast-badlands-production").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(read.body()).path("maintenance").asBoolean()).isTrue();
        }
    }

    @Test
    void patch_maintenanceAsString_refusedAsTheSchemaSaysAndReported() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production");
        HttpResponse<String> response = http.send(patch(fake, "/apps/vast-badlands-production",
                "{\"maintenance\":\"on\"}"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(fake.maintenance("vast-badlands-production")).isFalse();
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("maintenance");
    }

    @Test
    void patch_formationWithInventedField_refusedAndReported() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("harbor-shop-production");
        HttpResponse<String> response = http.send(patch(fake, "/apps/harbor-shop-production/formation",
                "{\"updates\":[{\"type\":\"clock\",\"replicas\":0}]}"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(fake.formation("harbor-shop-production")).containsEntry("clock", 1);
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("replicas");
    }

    @Test
    void patch_formationBatch_answersTheUpdatedTypesValidAgainstTheSchema() throws Exception {
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("harbor-shop-production")) {
            HttpResponse<String> response = http.send(patch(fake, "/apps/harbor-shop-production/formation",
                    "{\"updates\":[{\"type\":\"clock\",\"quantity\":0}]}"), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body())).singleElement().satisfies(p ->
                    assertThat(p.path("quantity").asInt()).isZero());
            assertThat(Schemas.herokuErrors("formation", json.readTree(response.body()))).isEmpty();
        }
    }

    @Test
    void backupDownload_withTheHerokuToken_isAViolation() throws Exception {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production");
        http.send(request(fake, "/backup-storage/vast-badlands-production/x?X-Amz-Signature=1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class).hasMessageContaining("token was sent");
    }

    private HttpRequest patch(FakeHerokuApi fake, String path, String body) {
        return request(fake, path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest.Builder request(FakeHerokuApi fake, String path) {
        return HttpRequest.newBuilder(URI.create(fake.url() + path))
                .header("Accept", FakeHerokuApi.ACCEPT)
                .header("Request-Id", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + fake.token());
    }

    /** heroku-api/<app>/formation.json → /apps/<app>/formation; _shared/dyno-sizes.json → /dyno-sizes. */
    private static String apiPath(String relative) {
        String withoutJson = relative.substring(0, relative.length() - ".json".length());
        if (withoutJson.startsWith(Fixtures.SHARED + "/")) {
            return withoutJson.substring(Fixtures.SHARED.length());
        }
        String app = withoutJson.substring(0, withoutJson.indexOf('/'));
        String rest = withoutJson.substring(app.length() + 1);
        return rest.equals("app") ? "/apps/" + app : "/apps/" + app + "/" + rest;
    }
}

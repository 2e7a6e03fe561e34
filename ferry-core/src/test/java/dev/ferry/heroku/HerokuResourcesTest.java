package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerokuResourcesTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void dynoSize_todaysPreciseDynoUnits_read() throws Exception {
        assertThat(HerokuResources.dynoSize("Standard-2X",
                parse("{\"name\":\"Standard-2X\",\"memory\":1.0,\"compute\":1,\"precise_dyno_units\":2.0}")))
                .isEqualTo(new DynoSize("Standard-2X", 1.0, 1, 2.0));
    }

    @Test
    void dynoSize_olderDynoUnits_read() throws Exception {
        assertThat(HerokuResources.dynoSize("standard-1X",
                parse("{\"name\":\"standard-1X\",\"memory\":0.5,\"compute\":1,\"dyno_units\":1}")))
                .isEqualTo(new DynoSize("standard-1X", 0.5, 1, 1.0));
        assertThat(HerokuResources.dynoSize("x", parse("{\"memory\":0.5}"))).isEqualTo(new DynoSize("x", 0.5, null,
                null));
    }

    @Test
    void postgresMajor_pgVersionInfoRow_majorOnly() throws Exception {
        assertThat(HerokuResources.postgresMajor(parse(
                "{\"info\":[{\"name\":\"Plan\",\"values\":[\"Essential 0\"]},{\"name\":\"PG Version\",\"values\":[\"17.4\"]}]}")))
                .contains("17");
        assertThat(HerokuResources.postgresMajor(parse("{\"info\":[{\"name\":\"PG Version\",\"values\":[\"9.6.24\"]}]}")))
                .contains("9.6");
        assertThat(HerokuResources.postgresMajor(parse("{\"postgres_version\":\"16.2\"}"))).contains("16");
        assertThat(HerokuResources.postgresMajor(parse("{\"info\":[]}"))).isEmpty();
    }

    @Test
    void redisVersion_versionFieldOrInfoRow() throws Exception {
        assertThat(HerokuResources.redisVersion(parse("{\"version\":\"7.2.4\"}"))).contains("7.2.4");
        assertThat(HerokuResources.redisVersion(parse("{\"info\":[{\"name\":\"Version\",\"values\":[\"6.2.14\"]}]}")))
                .contains("6.2.14");
    }

    @Test
    void currentSlugId_newestReleaseFailed_theCurrentOnesSlug() throws Exception {
        List<JsonNode> releases = new ArrayList<>();
        releases.add(parse("{\"version\":8,\"current\":false,\"status\":\"failed\",\"slug\":{\"id\":\"s8\"}}"));
        releases.add(parse("{\"version\":7,\"current\":true,\"status\":\"succeeded\",\"slug\":{\"id\":\"s7\"}}"));
        assertThat(HerokuResources.currentSlugId(releases)).contains("s7");
    }

    @Test
    void currentSlugId_noneMarkedCurrent_newestSucceeded() throws Exception {
        List<JsonNode> releases = List.of(
                parse("{\"version\":3,\"status\":\"pending\",\"slug\":{\"id\":\"s3\"}}"),
                parse("{\"version\":1,\"status\":\"succeeded\",\"slug\":null}"),
                parse("{\"version\":2,\"status\":\"succeeded\",\"slug\":{\"id\":\"s2\"}}"));
        assertThat(HerokuResources.currentSlugId(releases)).contains("s2");
        assertThat(HerokuResources.currentSlugId(List.of(parse("{\"version\":1,\"current\":true,\"slug\":null}"))))
                .isEmpty();
    }

    @Test
    void buildpacks_outOfOrder_sortedByOrdinalNameOrUrl() throws Exception {
        List<JsonNode> installations = List.of(
                parse("{\"ordinal\":1,\"buildpack\":{\"url\":\"https://github.com/x/y.tgz\",\"name\":null}}"),
                parse("{\"ordinal\":0,\"buildpack\":{\"url\":\"https://example/ruby.tgz\",\"name\":\"heroku/ruby\"}}"));
        assertThat(HerokuResources.buildpacks(installations))
                .containsExactly("heroku/ruby", "https://github.com/x/y.tgz");
    }
}

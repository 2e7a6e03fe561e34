package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The golden compose.yaml of the tutorial's app against the compose file printed in Defang's tutorial
 * (shared/seed/migrating-from-heroku.md), compared structurally: same services, images, commands, ports, env
 * names, bare secrets, plain values, dependencies and limits. The one intended difference: app services wait for
 * release to complete instead of starting beside it.
 */
class TutorialEquivalenceTest {

    private static Map<String, Object> tutorial;
    private static Map<String, Object> ours;

    @BeforeAll
    static void load() throws IOException {
        String page = Files.readString(SharedData.resolve("seed/migrating-from-heroku.md"));
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("the tutorial's compose block").isTrue();
        tutorial = services(block.group(1));
        ours = services(Files.readString(
                GoldenTest.GOLDEN.resolve("tutorial-vast-badlands/expected/compose.yaml")));
    }

    @Test
    void services_tutorialApp_sameSet() {
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(tutorial.keySet())
                .containsExactlyInAnyOrder("postgres", "web", "release");
    }

    @Test
    void postgres_tutorialApp_sameImageMajorEnvAndExtension() {
        Map<String, Object> theirs = service(tutorial, "postgres");
        Map<String, Object> mine = service(ours, "postgres");
        assertThat(major((String) mine.get("image"))).isEqualTo(major((String) theirs.get("image")));
        assertThat(env(mine).keySet()).containsExactlyInAnyOrderElementsOf(env(theirs).keySet());
        assertThat(env(mine).get("POSTGRES_PASSWORD")).isNull();
        assertThat(env(mine).get("POSTGRES_USER")).isEqualTo(env(theirs).get("POSTGRES_USER"));
        assertThat(String.valueOf(mine.get("x-defang-postgres"))).isEqualTo(theirs.get("x-defang-postgres"));
        assertThat(test(mine)).contains("pg_isready");
        assertThat(test(theirs)).contains("pg_isready");
    }

    @Test
    void appServices_tutorialApp_sameBuildCommandPortsAndLimits() {
        for (String name : List.of("web", "release")) {
            Map<String, Object> theirs = service(tutorial, name);
            Map<String, Object> mine = service(ours, name);
            assertThat(mine.get("build")).as(name).isEqualTo(theirs.get("build"));
            assertThat(shellLine(mine)).as(name).isEqualTo(theirLine(theirs));
            assertThat(mine.get("ports")).as(name).isEqualTo(theirs.get("ports"));
            Map<String, Object> theirLimits = limits(theirs);
            Map<String, Object> myLimits = limits(mine);
            assertThat(Double.parseDouble(String.valueOf(myLimits.get("cpus"))))
                    .isEqualTo(Double.parseDouble(String.valueOf(theirLimits.get("cpus"))));
            assertThat(myLimits.get("memory")).isEqualTo(theirLimits.get("memory"));
        }
        assertThat(service(ours, "release").get("restart")).isEqualTo("no")
                .isEqualTo(service(tutorial, "release").get("restart"));
    }

    @Test
    void environment_tutorialApp_everyTutorialNameWithSameValueOrBare() {
        for (String name : List.of("web", "release")) {
            Map<String, Object> theirs = env(service(tutorial, name));
            Map<String, Object> mine = env(service(ours, name));
            assertThat(mine.keySet()).as(name).containsAll(theirs.keySet());
            theirs.forEach((key, value) -> {
                if (value == null) {
                    assertThat(mine.get(key)).as(name + " " + key + " stays bare").isNull();
                } else if (key.equals("DATABASE_URL")) {
                    assertThat((String) mine.get(key)).startsWith("postgres://").contains("@postgres:5432/");
                } else if (!key.equals("POSTGRES_PASSWORD")) {
                    assertThat(String.valueOf(mine.get(key))).as(name + " " + key)
                            .isEqualTo(String.valueOf(value));
                }
            });
        }
    }

    @Test
    void dependsOn_tutorialApp_tutorialsPlusReleaseFirst() {
        for (String name : List.of("web", "release")) {
            Map<String, Object> theirs = map(service(tutorial, name).get("depends_on"));
            Map<String, Object> mine = map(service(ours, name).get("depends_on"));
            assertThat(mine).as(name).containsAllEntriesOf(theirs);
        }
        assertThat(map(service(ours, "web").get("depends_on")))
                .containsEntry("release", Map.of("condition", "service_completed_successfully"));
        assertThat(map(service(tutorial, "web").get("depends_on"))).doesNotContainKey("release");
    }

    /** The Procfile line inside /bin/sh -c, as the container's shell will see it. */
    private static String shellLine(Map<String, Object> service) {
        List<?> command = (List<?>) service.get("command");
        assertThat(command.subList(0, 2)).isEqualTo(List.of("/bin/sh", "-c"));
        return ComposeText.unescape((String) command.get(2)).replace("${PORT:-5000}", "$PORT");
    }

    /** The tutorial writes the line as a one-element list and rewrote ${PORT:-5000} as $PORT. */
    private static String theirLine(Map<String, Object> service) {
        List<?> command = (List<?>) service.get("command");
        assertThat(command).hasSize(1);
        return (String) command.get(0);
    }

    private static String major(String image) {
        return image.replaceAll("^postgres:(\\d+).*$", "$1");
    }

    private static String test(Map<String, Object> service) {
        return String.valueOf(map(service.get("healthcheck")).get("test"));
    }

    private static Map<String, Object> limits(Map<String, Object> service) {
        return map(map(map(service.get("deploy")).get("resources")).get("limits"));
    }

    private static Map<String, Object> env(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    private static Map<String, Object> service(Map<String, Object> services, String name) {
        return map(services.get(name));
    }

    private static Map<String, Object> services(String yaml) {
        Map<String, Object> document = map(new Load(LoadSettings.builder().build()).loadFromString(yaml));
        return map(document.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}

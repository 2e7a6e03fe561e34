package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Deploy;
import dev.ferry.compose.ComposeService.Healthcheck;
import dev.ferry.compose.ComposeService.Resources;
import dev.ferry.testing.Schemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ComposeYamlWriterTest {

    /** Values YAML could read as something else, or that break a plain scalar. */
    private static final List<String> TRICKY = List.of("no", "Yes", "on", "null", "~", "true", "5000", "0x1F",
            "1e3", "5000:5000", "- dash", "a: b", "x #y", "#hash", "'single'", "\"double\"", "back\\slash",
            "tab\there", "line\nbreak", "", " lead", "trail ", "{a}", "[a]", "*alias", "&anchor", "!tag",
            "%percent", "@at", "`tick`", ".inf", ".5", "ünïcødé", "2024-01-01", "?", ":", "|", ">");

    private static ComposeProject project(List<String> values) {
        ComposeService.Builder web = ComposeService.builder("web")
                .comment("Heroku process \"web\"\n(injected line)")
                .build(new ComposeService.Build(".", null))
                .command(List.of("/bin/sh", "-c", "echo $$HOME"))
                .port("5000:5000")
                .healthcheck(new Healthcheck(List.of("CMD-SHELL", "curl -s http://127.0.0.1:$${PORT}/"),
                        "10s", "5s", 3, "60s"))
                .dependsOn("db", Condition.SERVICE_HEALTHY)
                .deploy(new Deploy(0, new Resources("1", "512M"), new Resources("0.5", "256M")))
                .restart("no")
                .extension("x-defang-llm", true);
        for (int i = 0; i < values.size(); i++) {
            web.env("V" + i, values.get(i));
        }
        web.env(ComposeService.EnvEntry.bare("BARE"));
        ComposeService db = ComposeService.builder("db").image("postgres:17").volume("data:/var/lib/x").build();
        return new ComposeProject("my-app", List.of("header"), List.of(db, web.build()), List.of("data"));
    }

    @Test
    void write_trickyValues_readBackAsTheSameStrings() {
        String yaml = ComposeYamlWriter.write(project(TRICKY));
        Map<?, ?> env = (Map<?, ?>) service(yaml, "web").get("environment");
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(env.get("V" + i)).as(TRICKY.get(i)).isEqualTo(TRICKY.get(i));
        }
        assertThat(env.containsKey("BARE")).isTrue();
        assertThat(env.get("BARE")).isNull();
    }

    @Test
    void write_trickyValues_validAgainstComposeSpec() {
        assertThat(Schemas.composeErrors(ComposeYamlWriter.write(project(TRICKY)))).isEmpty();
    }

    @Test
    void write_restartNoAndPortsAndCpus_strings() {
        Map<String, Object> web = service(ComposeYamlWriter.write(project(List.of())), "web");
        assertThat(web.get("restart")).isEqualTo("no");
        assertThat(web.get("ports")).isEqualTo(List.of("5000:5000"));
        assertThat(web.get("x-defang-llm")).isEqualTo(true);
        String yaml = ComposeYamlWriter.write(project(List.of()));
        assertThat(yaml).contains("restart: \"no\"", "- \"5000:5000\"", "cpus: \"1\"", "memory: \"512M\"",
                "replicas: 0", "condition: service_healthy");
    }

    @Test
    void write_commentWithLineBreak_staysOneCommentLine() {
        String yaml = ComposeYamlWriter.write(project(List.of()));
        assertThat(yaml).contains("  # Heroku process \"web\" (injected line)\n  web:\n");
    }

    @Test
    void write_sameProjectTwice_sameBytes() {
        assertThat(ComposeYamlWriter.write(project(TRICKY))).isEqualTo(ComposeYamlWriter.write(project(TRICKY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "en_US.UTF-8", "bin/web", "postgres", "_x"})
    void scalar_safeWord_plain(String text) {
        assertThat(ComposeYamlWriter.scalar(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "TRUE", "5000", "512M", ".", "-c", "a b", "x:y"})
    void scalar_ambiguousWord_quoted(String text) {
        assertThat(ComposeYamlWriter.scalar(text)).startsWith("\"").endsWith("\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String yaml, String name) {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return (Map<String, Object>) ((Map<String, Object>) doc.get("services")).get(name);
    }
}

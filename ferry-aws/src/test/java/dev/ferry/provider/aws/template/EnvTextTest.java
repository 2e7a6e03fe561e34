package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTextTest {

    private static final Map<String, String> HOSTS = Map.of("postgres", "PostgresDatabase.Endpoint.Address",
            "redis", "RedisCache.PrimaryEndPoint.Address");

    @Test
    void parse_databaseUrl_hostIsTheEndpointAndUserIsNot() {
        EnvText text = EnvText.parse("postgres://postgres:${POSTGRES_PASSWORD}@postgres:5432/db", HOSTS);
        assertThat(text.parts()).containsExactly(
                new EnvText.Part(EnvText.Kind.LITERAL, "postgres://postgres:"),
                new EnvText.Part(EnvText.Kind.CONFIG, "POSTGRES_PASSWORD"),
                new EnvText.Part(EnvText.Kind.LITERAL, "@"),
                new EnvText.Part(EnvText.Kind.ATTRIBUTE, "PostgresDatabase.Endpoint.Address"),
                new EnvText.Part(EnvText.Kind.LITERAL, ":5432/db"));
    }

    @Test
    void asShellWord_databaseUrl_expandsThePasswordAtRunTime() {
        EnvText word = EnvText.parse("postgres://postgres:${POSTGRES_PASSWORD}@postgres:5432/db", HOSTS).asShellWord();
        assertThat(word.asValue().path("Fn::Sub").asText()).isEqualTo(
                "\"postgres://postgres:${!POSTGRES_PASSWORD}@${PostgresDatabase.Endpoint.Address}:5432/db\"");
    }

    @Test
    void asValue_redisUrl_subWithEndpoint() {
        assertThat(EnvText.parse("redis://redis:6379", HOSTS).asValue().path("Fn::Sub").asText())
                .isEqualTo("redis://${RedisCache.PrimaryEndPoint.Address}:6379");
    }

    @Test
    void asValue_literalDollars_unescapedOnce() {
        assertThat(EnvText.parse("Up to $$100 \"net\"", HOSTS).asValue().asText()).isEqualTo("Up to $100 \"net\"");
    }

    @Test
    void asShellWord_specialCharacters_escaped() {
        assertThat(EnvText.parse("a\"b`c$$d\\e", Map.of()).asShellWord().asValue().asText())
                .isEqualTo("\"a\\\"b\\`c\\$d\\\\e\"");
    }

    @Test
    void parse_otherHosts_untouched() {
        assertThat(EnvText.parse("amqp://app:${PASS}@rabbitmq:5672", HOSTS).parts().stream()
                .noneMatch(p -> p.kind() == EnvText.Kind.ATTRIBUTE)).isTrue();
    }

    @Test
    void portsOf_urlsAndHostPort_found() {
        assertThat(EnvText.portsOf("amqp://app:x@rabbitmq:5672", "rabbitmq")).containsExactly(5672);
        assertThat(EnvText.portsOf("memcached:11211", "memcached")).containsExactly(11211);
        assertThat(EnvText.portsOf("http://worker-2:80", "worker")).isEqualTo(List.of());
    }

    @Test
    void soleConfig_onlyReference_found() {
        assertThat(EnvText.parse("${SECRET}", HOSTS).soleConfig()).contains("SECRET");
        assertThat(EnvText.parse("x${SECRET}", HOSTS).soleConfig()).isEmpty();
    }
}

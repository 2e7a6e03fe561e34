package dev.ferry.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

    @Test
    void parse_herokuPostgresUrl_splitsPartsAndDecodesThePassword() {
        ConnectionUrl url = ConnectionUrl.parse(
                "postgres://u1:p%40ss%2Fw@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9abc?sslmode=verify-full", "--from-url");

        assertThat(url.user()).isEqualTo("u1");
        assertThat(url.password()).isEqualTo("p@ss/w");
        assertThat(url.host()).isEqualTo("ec2-1-2-3-4.compute-1.amazonaws.com");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.path()).isEqualTo("d9abc");
        assertThat(url.params()).containsEntry("sslmode", "verify-full");
        assertThat(url.isPostgres()).isTrue();
    }

    @Test
    void redacted_anyUrl_neverShowsThePassword() {
        ConnectionUrl url = ConnectionUrl.parse("rediss://:hunter2@redis.example:6380", "--from-url");

        assertThat(url.redacted()).isEqualTo("rediss://:***@redis.example:6380");
        assertThat(url.toString()).doesNotContain("hunter2");
        assertThat(url.scrub("AUTH hunter2 failed")).isEqualTo("AUTH *** failed");
    }

    @Test
    void parse_defaultPorts_followTheScheme() {
        assertThat(ConnectionUrl.parse("postgresql://h/db", "x").port()).isEqualTo(5432);
        assertThat(ConnectionUrl.parse("redis://h", "x").port()).isEqualTo(6379);
    }

    @Test
    void parse_notADatabaseUrl_badInputNamingTheOptionWithoutEchoingIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse("mysql://u:topsecret@h/db", "--to-url"))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("--to-url: ").doesNotContain("topsecret");
                });
    }

    @Test
    void herokuHosted_awsHostOrFromHeroku_true_loopback_false() {
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://h.cluster-x.us-east-1.rds.amazonaws.com/d", "x"),
                false).herokuHosted()).isTrue();
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://127.0.0.1/d", "x"), true).herokuHosted()).isTrue();
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://127.0.0.1/d", "x"), false).herokuHosted()).isFalse();
    }
}

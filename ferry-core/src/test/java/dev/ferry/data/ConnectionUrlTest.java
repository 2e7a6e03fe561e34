package dev.ferry.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.util.Map;
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
    void withPasswordFrom_postgresUrlWithoutPassword_takesPgpassword() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://app@db.abc.us-east-1.rds.amazonaws.com:5432/app", "--to-url")
                .withPasswordFrom(Map.of("PGPASSWORD", "rds-s3cr3t"));

        assertThat(url.password()).isEqualTo("rds-s3cr3t");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.place()).isEqualTo("db.abc.us-east-1.rds.amazonaws.com:5432/app");
        assertThat(url.redacted()).isEqualTo("postgres://app:***@db.abc.us-east-1.rds.amazonaws.com:5432/app")
                .doesNotContain("rds-s3cr3t");
        assertThat(url.scrub("password authentication failed: rds-s3cr3t")).doesNotContain("rds-s3cr3t");
    }

    @Test
    void withPasswordFrom_urlWithItsOwnPassword_keepsIt() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://u:own@h/d", "x").withPasswordFrom(Map.of("PGPASSWORD", "env"));

        assertThat(url.password()).isEqualTo("own");
    }

    @Test
    void withPasswordFrom_emptyPasswordInUrl_keptAsLibpqDoes() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://u:@h/d", "x").withPasswordFrom(Map.of("PGPASSWORD", "env"));

        assertThat(url.password()).isEmpty();
    }

    @Test
    void withPasswordFrom_noOrEmptyVariable_urlUnchanged() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://u@h/d", "x");

        assertThat(url.withPasswordFrom(Map.of())).isSameAs(url);
        assertThat(url.withPasswordFrom(Map.of("PGPASSWORD", ""))).isSameAs(url);
        assertThat(url.withPasswordFrom(Map.of())).extracting(ConnectionUrl::password).isNull();
    }

    @Test
    void withPasswordFrom_redisUrl_ignoresPgpassword() {
        ConnectionUrl url = ConnectionUrl.parse("redis://cache.abc.use1.cache.amazonaws.com:6379", "x");

        assertThat(url.withPasswordFrom(Map.of("PGPASSWORD", "env")).password()).isNull();
    }

    @Test
    void sourceResolver_ofUrlWithEnvironment_appliesTheRule() {
        DataEndpoint endpoint = SourceResolver.ofUrl("postgres://u@h/d", "--from-url", Map.of("PGPASSWORD", "pw"))
                .resolve();

        assertThat(endpoint.url().password()).isEqualTo("pw");
        assertThat(endpoint.fromHeroku()).isFalse();
    }

    @Test
    void herokuHosted_rdsInstanceOrElastiCacheHost_false() {
        // the endpoints ferry's aws provider creates: the user's own databases, not Heroku's
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://app@shop-db.abc123.us-east-1.rds.amazonaws.com/app",
                "x"), false).herokuHosted()).isFalse();
        assertThat(new DataEndpoint(ConnectionUrl.parse(
                "rediss://master.shop-cache.abc123.use1.cache.amazonaws.com:6379", "x"), false).herokuHosted()).isFalse();
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://u@host.amazonaws.com/d", "x"), false)
                .herokuHosted()).isFalse();
    }

    @Test
    void herokuHosted_ec2PublicNames_true() {
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://u@ec2-1-2-3-4.compute-1.amazonaws.com/d", "x"),
                false).herokuHosted()).isTrue();
        assertThat(new DataEndpoint(ConnectionUrl.parse("rediss://:p@ec2-1-2-3-4.eu-west-1.compute.amazonaws.com:6380",
                "x"), false).herokuHosted()).isTrue();
    }

    @Test
    void herokuHosted_awsHostOrFromHeroku_true_loopback_false() {
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://h.cluster-x.us-east-1.rds.amazonaws.com/d", "x"),
                false).herokuHosted()).isTrue();
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://127.0.0.1/d", "x"), true).herokuHosted()).isTrue();
        assertThat(new DataEndpoint(ConnectionUrl.parse("postgres://127.0.0.1/d", "x"), false).herokuHosted()).isFalse();
    }
}

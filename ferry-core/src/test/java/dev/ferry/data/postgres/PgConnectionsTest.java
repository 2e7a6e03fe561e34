package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import org.junit.jupiter.api.Test;

class PgConnectionsTest {

    @Test
    void sslMode_herokuHost_require_explicitWins_elsePrefer() {
        assertThat(PgConnections.sslMode(endpoint("postgres://u:p@ec2-1-2-3-4.compute-1.amazonaws.com/d")))
                .isEqualTo("require");
        assertThat(PgConnections.sslMode(endpoint("postgres://u:p@ec2-1.compute-1.amazonaws.com/d?sslmode=verify-full")))
                .isEqualTo("verify-full");
        assertThat(PgConnections.sslMode(endpoint("postgres://u:p@db.internal/d"))).isEqualTo("prefer");
    }

    @Test
    void childEnvironment_passwordOnlyInPgpassword() {
        var env = PgConnections.childEnvironment(endpoint("postgres://alice:s3cr3t@db.internal:6543/app"));

        assertThat(env).containsEntry("PGPASSWORD", "s3cr3t").containsEntry("PGHOST", "db.internal")
                .containsEntry("PGPORT", "6543").containsEntry("PGDATABASE", "app").containsEntry("PGUSER", "alice");
        assertThat(env.entrySet()).filteredOn(e -> !e.getKey().equals("PGPASSWORD"))
                .noneMatch(e -> e.getValue().contains("s3cr3t"));
    }

    private static DataEndpoint endpoint(String url) {
        return new DataEndpoint(ConnectionUrl.parse(url, "test"), false);
    }
}

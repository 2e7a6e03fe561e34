package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
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

    @Test
    void open_nothingListening_environmentError_namesThePlaceNotThePassword() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> PgConnections.open(endpoint("postgres://u:s3cr3t-x@127.0.0.1:" + closed + "/d"), "target"))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("could not connect to the target database 127.0.0.1:" + closed);
                    assertThat(e.getMessage() + e.hint()).doesNotContain("s3cr3t-x");
                });
    }

    private static DataEndpoint endpoint(String url) {
        return new DataEndpoint(ConnectionUrl.parse(url, "test"), false);
    }
}

package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

    @Test
    void awaitSuccess_failingProgramEchoingThePassword_messageQuotesStderrScrubbed() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://u:Very-S3cret@db.example:5432/app", "test");
        try (ChildProcess child = ChildProcess.start(List.of("/bin/sh", "-c",
                        "echo 'pg_dump: error: connection failed for Very-S3cret' >&2; exit 3"),
                Map.of("PATH", "/usr/bin:/bin"), url, false, false, line -> { })) {
            assertThatThrownBy(child::awaitSuccess).isInstanceOfSatisfying(FerryException.class, e -> {
                org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .isEqualTo("sh failed (exit 3): pg_dump: error: connection failed for ***");
            });
        }
    }
}

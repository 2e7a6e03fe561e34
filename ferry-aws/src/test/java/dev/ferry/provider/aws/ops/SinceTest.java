package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SinceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void parse_durationsAndTimestamps_becomeInstants() {
        assertThat(Since.parse("10m", NOW)).isEqualTo(Instant.parse("2026-11-25T11:50:00Z"));
        assertThat(Since.parse("2h", NOW)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(Since.parse("1d", NOW)).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(Since.parse("30s", NOW)).isEqualTo(Instant.parse("2026-11-25T11:59:30Z"));
        assertThat(Since.parse("2026-11-25T09:30:00Z", NOW)).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(Since.parse("2026-11-25T09:30:00", NOW)).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(Since.parse("2026-11-24", NOW)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void parse_nonsense_isBadInputWithExamples() {
        assertThatThrownBy(() -> Since.parse("yesterday", NOW)).isInstanceOf(FerryException.class)
                .hasMessageContaining("--since yesterday");
    }
}

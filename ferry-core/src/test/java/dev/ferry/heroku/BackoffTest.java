package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2),
            new SplittableRandom(7));

    @Test
    void delay_successiveAttempts_doubleWithAtMostHalfAgainAsJitter() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long base = 100L << (attempt - 1);
            assertThat(backoff.delay(attempt, Optional.empty()).toMillis()).isBetween(base, base + base / 2);
        }
    }

    @Test
    void delay_manyAttempts_capped() {
        assertThat(backoff.delay(30, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delay_retryAfterGiven_winsButCapped() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(60)))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void parseRetryAfter_secondsDateOrJunk() {
        ZonedDateTime now = ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Backoff.parseRetryAfter(Optional.of("3"), now)).contains(Duration.ofSeconds(3));
        assertThat(Backoff.parseRetryAfter(Optional.of("Thu, 01 Jan 2026 12:00:05 GMT"), now))
                .contains(Duration.ofSeconds(5));
        assertThat(Backoff.parseRetryAfter(Optional.of("soon"), now)).isEmpty();
        assertThat(Backoff.parseRetryAfter(Optional.empty(), now)).isEmpty();
    }
}

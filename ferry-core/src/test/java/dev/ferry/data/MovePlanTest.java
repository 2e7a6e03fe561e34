package dev.ferry.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovePlanTest {

    private final MoveRequest request = new MoveRequest(
            new DataEndpoint(ConnectionUrl.parse("postgres://a/b", "x"), false),
            new DataEndpoint(ConnectionUrl.parse("postgres://c/d", "x"), false), 1, false, false, Path.of("s"));

    @Test
    void summary_tablesSizeAndMinutes() {
        MovePlan plan = new MovePlan(request, "postgres", 12, 1536L * 1024 * 1024, Duration.ofSeconds(150),
                List.of(), null, List.of());

        assertThat(plan.summary()).isEqualTo("12 tables, 1.5 GB, about 3 minutes");
    }

    @Test
    void summary_oneKeyUnderAMinute() {
        MovePlan plan = new MovePlan(request, "redis", 1, 900, Duration.ofSeconds(2), List.of(), null, List.of());

        assertThat(plan.summary()).isEqualTo("1 key, 900 B, less than a minute");
    }

    @Test
    void verification_differences_onlyTheChecksThatDiffer() {
        Verification v = new Verification(List.of(new Verification.Check("table a", "1 rows", "1 rows"),
                new Verification.Check("table b", "2 rows", "3 rows")));

        assertThat(v.passed()).isFalse();
        assertThat(v.differences()).extracting(Verification.Check::subject).containsExactly("table b");
    }
}

package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {

    @Test
    void toDnsLabel_upperCaseAndUnderscore_lowercaseWithDash() {
        assertThat(ServiceNames.toDnsLabel("Urgent_Jobs")).isEqualTo("urgent-jobs");
    }

    @Test
    void toDnsLabel_otherCharacters_replacedAndTrimmed() {
        assertThat(ServiceNames.toDnsLabel("_web.v2__beta-")).isEqualTo("web-v2-beta");
        assertThat(ServiceNames.toDnsLabel("___")).isEqualTo("process");
    }

    @Test
    void toDnsLabel_longName_atMost63() {
        assertThat(ServiceNames.toDnsLabel("w".repeat(100))).hasSize(63);
    }

    @Test
    void toDnsLabel_cutJustAfterADash_noTrailingDash() {
        String label = ServiceNames.toDnsLabel("a".repeat(62) + "_bbb");
        assertThat(label).isEqualTo("a".repeat(62)).doesNotEndWith("-");
    }

    @Test
    void assign_collidingNames_suffixedInSortedOrder() {
        Map<String, String> names = ServiceNames.assign(List.of("my_worker", "My-Worker", "my-worker"), Set.of());
        assertThat(names).containsExactly(
                Map.entry("My-Worker", "my-worker"),
                Map.entry("my-worker", "my-worker-2"),
                Map.entry("my_worker", "my-worker-3"));
    }

    @Test
    void assign_sameInputInAnotherOrder_sameResult() {
        assertThat(ServiceNames.assign(List.of("b_x", "B-x", "a"), Set.of()))
                .isEqualTo(ServiceNames.assign(List.of("a", "B-x", "b_x"), Set.of()));
    }

    @Test
    void assign_nameOfABackingService_suffixed() {
        assertThat(ServiceNames.assign(List.of("postgres", "web"), Set.of("postgres")))
                .containsEntry("postgres", "postgres-2").containsEntry("web", "web");
    }

    @Test
    void assign_longCollidingNames_stayWithin63() {
        String base = "a".repeat(70);
        Map<String, String> names = ServiceNames.assign(List.of(base, base.toUpperCase()), Set.of());
        assertThat(names.values()).allMatch(n -> n.length() <= 63).doesNotHaveDuplicates();
    }

    @Test
    void renamed_onlyChangedNames_listed() {
        var renamed = ServiceNames.renamed(ServiceNames.assign(List.of("web", "clock_work"), Set.of()));
        assertThat(renamed).containsExactly(Map.entry("clock_work", "clock-work"));
    }
}

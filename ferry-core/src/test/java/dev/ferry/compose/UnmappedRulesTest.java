package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.SourceFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnmappedRulesTest {

    @Test
    void apply_customDomains_noteListsOnlyCustomOnes() {
        AppSnapshot snapshot = GoldenInputs.richApp();
        assertThat(UnmappedRules.apply(snapshot)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("custom-domains");
            assertThat(f.subject()).isEqualTo("domains shop.acme.example");
        });
    }

    @Test
    void apply_postdeployScript_warning() {
        var appJson = new SourceFacts.AppJson("x", List.of(), Map.of(), List.of(),
                Map.of("postdeploy", "bin/rake db:seed"), List.of(), null, Map.of());
        assertThat(UnmappedRules.apply(Snapshots.source(List.of(), appJson, null)))
                .extracting(Finding::code).containsExactly("postdeploy-script");
    }

    @Test
    void apply_herokuappDomainOnly_nothing() {
        assertThat(UnmappedRules.apply(GoldenInputs.sourceNodeWorkers())).isEmpty();
    }
}

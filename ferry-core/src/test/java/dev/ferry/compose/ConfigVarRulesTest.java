package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.AddOnRules.VarFate;
import dev.ferry.compose.ComposeService.EnvEntry;
import dev.ferry.compose.MigrationReport.ConfigVarLine;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.SourceFacts.EnvSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigVarRulesTest {

    private static ConfigVarRules.Result heroku(Map<String, VarFate> fates, ConfigVarFact... vars) {
        return ConfigVarRules.apply(Snapshots.heroku(List.of(), Map.of(), List.of(), List.of(vars)), fates);
    }

    @Test
    void apply_plain_inlineWithDollarEscaped() {
        var result = heroku(Map.of(), new ConfigVarFact("GREETING", ConfigVarClass.PLAIN, "costs $5"));
        assertThat(result.environment()).containsExactly(new EnvEntry("GREETING", "costs $$5"));
        assertThat(result.lines()).extracting(ConfigVarLine::outcome).containsExactly(Outcome.MIGRATED);
    }

    @Test
    void apply_secret_bareEntry() {
        var result = heroku(Map.of(), new ConfigVarFact("API_TOKEN", ConfigVarClass.SECRET, null));
        assertThat(result.environment()).containsExactly(EnvEntry.bare("API_TOKEN"));
        assertThat(result.lines()).extracting(ConfigVarLine::outcome).containsExactly(Outcome.NEEDS_VALUE);
    }

    @Test
    void apply_plainThatLooksSecret_bareAnyway() {
        var result = heroku(Map.of(), new ConfigVarFact("LEGACY", ConfigVarClass.PLAIN,
                "postgres://admin:hunter2@db.example.com/x"));
        assertThat(result.environment()).containsExactly(EnvEntry.bare("LEGACY"));
    }

    @Test
    void apply_herokuSet_droppedWithOneNote() {
        var result = heroku(Map.of(), new ConfigVarFact("DYNO", ConfigVarClass.HEROKU_SET, null),
                new ConfigVarFact("HEROKU_APP_NAME", ConfigVarClass.HEROKU_SET, null));
        assertThat(result.environment()).isEmpty();
        assertThat(result.lines()).extracting(ConfigVarLine::outcome).containsOnly(Outcome.DROPPED);
        assertThat(result.findings()).singleElement().extracting(Finding::code).isEqualTo("config-heroku-set-dropped");
    }

    @Test
    void apply_addOnOwned_fateFromAddOnRules() {
        var result = heroku(Map.of("DATABASE_URL", new VarFate(Outcome.REWIRED, "postgres://x", "→ postgres")),
                new ConfigVarFact("DATABASE_URL", ConfigVarClass.ADDON_OWNED, null));
        assertThat(result.environment()).containsExactly(new EnvEntry("DATABASE_URL", "postgres://x"));
        assertThat(result.lines()).extracting(ConfigVarLine::outcome).containsExactly(Outcome.REWIRED);
    }

    @Test
    void apply_addOnOwnedWithoutAddOn_bareWithWarning() {
        var result = heroku(Map.of(), new ConfigVarFact("GONE_URL", ConfigVarClass.ADDON_OWNED, null));
        assertThat(result.environment()).containsExactly(EnvEntry.bare("GONE_URL"));
        assertThat(result.findings()).extracting(Finding::code).containsExactly("config-addon-unknown");
    }

    @Test
    void apply_attachmentVarMissingFromConfig_stillWired() {
        var result = heroku(Map.of("REDIS_URL", new VarFate(Outcome.REWIRED, "redis://redis:6379", "→ redis")));
        assertThat(result.environment()).containsExactly(new EnvEntry("REDIS_URL", "redis://redis:6379"));
    }

    @Test
    void apply_appJsonEnv_defaultsInlineGeneratedAndMissingBare() {
        var appJson = Snapshots.appJson(List.of(
                new EnvSpec("LANG", true, "en_US.UTF-8", null, null),
                new EnvSpec("PORT", true, "3000", null, null),
                new EnvSpec("SECRET_KEY_BASE", true, null, "secret", null),
                new EnvSpec("SMTP_HOST", true, null, null, null),
                new EnvSpec("SENTRY_ENV", false, null, null, null)), List.of(), Map.of());
        var result = ConfigVarRules.apply(Snapshots.source(List.of(), appJson, null), Map.of());
        assertThat(result.environment()).containsExactly(new EnvEntry("LANG", "en_US.UTF-8"),
                EnvEntry.bare("SECRET_KEY_BASE"), EnvEntry.bare("SENTRY_ENV"), EnvEntry.bare("SMTP_HOST"));
        assertThat(result.lines()).filteredOn(l -> l.name().equals("PORT")).singleElement()
                .extracting(ConfigVarLine::outcome).isEqualTo(Outcome.DROPPED);
        assertThat(result.lines()).filteredOn(l -> l.name().equals("SECRET_KEY_BASE")).singleElement()
                .extracting(ConfigVarLine::detail).asString().contains("random");
    }

    @Test
    void apply_manyVars_sortedByName() {
        var result = heroku(Map.of(), new ConfigVarFact("ZED", ConfigVarClass.PLAIN, "z"),
                new ConfigVarFact("ALPHA", ConfigVarClass.PLAIN, "a"));
        assertThat(result.environment()).extracting(EnvEntry::name).containsExactly("ALPHA", "ZED");
    }
}

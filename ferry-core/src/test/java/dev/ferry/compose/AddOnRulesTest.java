package dev.ferry.compose;

import static dev.ferry.compose.Snapshots.addOn;
import static dev.ferry.compose.Snapshots.herokuAddOns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Dependency;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddOnRulesTest {

    @Test
    void apply_postgresWithTwoAttachments_bothRewiredToOneService() {
        var result = AddOnRules.apply(herokuAddOns(
                addOn("heroku-postgresql", "postgresql-a", "16", "DATABASE_URL", "HEROKU_POSTGRESQL_ONYX_URL")));
        ComposeService postgres = result.services().get(0);
        assertThat(postgres.name()).isEqualTo("postgres");
        assertThat(postgres.image()).isEqualTo("postgres:16");
        assertThat(postgres.extensions()).containsEntry("x-defang-postgres", true);
        assertThat(postgres.env("POSTGRES_PASSWORD").isBare()).isTrue();
        assertThat(postgres.env("POSTGRES_USER").value()).isEqualTo("postgres");
        assertThat(postgres.healthcheck().test()).anyMatch(t -> t.contains("pg_isready"));
        assertThat(postgres.volumes()).containsExactly("postgres-data:/var/lib/postgresql/data");
        assertThat(result.volumes()).containsExactly("postgres-data");
        String url = "postgres://postgres:${POSTGRES_PASSWORD}@postgres:5432/my_app";
        assertThat(result.varFates().get("DATABASE_URL")).isEqualTo(result.varFates().get("HEROKU_POSTGRESQL_ONYX_URL"))
                .extracting(AddOnRules.VarFate::value).isEqualTo(url);
        assertThat(result.appDependencies()).containsExactly(new Dependency("postgres", Condition.SERVICE_HEALTHY));
        assertThat(result.appExtraEnv()).extracting(ComposeService.EnvEntry::name).containsExactly("POSTGRES_PASSWORD");
    }

    @Test
    void apply_postgresVersionUnknown_defaultWithWarning() {
        var result = AddOnRules.apply(herokuAddOns(addOn("heroku-postgresql", "pg", null, "DATABASE_URL")));
        assertThat(result.services().get(0).image()).isEqualTo("postgres:" + AddOnRules.DEFAULT_POSTGRES_MAJOR);
        assertThat(result.findings()).extracting(Finding::code).containsExactly("postgres-version-unknown");
    }

    @Test
    void apply_postgres18_mountsTheParentDataFolder() {
        var result = AddOnRules.apply(herokuAddOns(addOn("heroku-postgresql", "pg", "18.1", "DATABASE_URL")));
        assertThat(result.services().get(0).volumes()).containsExactly("postgres-data:/var/lib/postgresql");
    }

    @Test
    void apply_twoPostgresAddOns_databaseAttachmentWinsOtherNeedsUser() {
        AddOnFact follower = addOn("heroku-postgresql", "aaa-first-by-name", "16", "HEROKU_POSTGRESQL_RED_URL");
        AddOnFact primary = addOn("heroku-postgresql", "zzz-primary", "16", "DATABASE_URL");
        var result = AddOnRules.apply(herokuAddOns(follower, primary));
        assertThat(result.services()).extracting(ComposeService::name).containsExactly("postgres");
        assertThat(result.services().get(0).comment()).contains("zzz-primary");
        assertThat(result.varFates().get("DATABASE_URL").outcome()).isEqualTo(Outcome.REWIRED);
        assertThat(result.varFates().get("HEROKU_POSTGRESQL_RED_URL").outcome()).isEqualTo(Outcome.NEEDS_USER);
        assertThat(result.findings()).extracting(Finding::code).contains("addon-second-instance");
    }

    @Test
    void apply_redis_serviceWithExtensionAndBothUrlsRewired() {
        var result = AddOnRules.apply(herokuAddOns(new AddOnFact("id", "redis-x", "heroku-redis",
                "heroku-redis:mini", "my-app",
                List.of(new AttachmentFact("REDIS", List.of("REDIS_TLS_URL", "REDIS_URL"))), "7.2.4")));
        ComposeService redis = result.services().get(0);
        assertThat(redis.image()).isEqualTo("redis:7");
        assertThat(redis.extensions()).containsEntry("x-defang-redis", true);
        assertThat(result.varFates().get("REDIS_URL").value()).isEqualTo("redis://redis:6379");
        assertThat(result.varFates().get("REDIS_TLS_URL").value()).isEqualTo("redis://redis:6379");
    }

    @Test
    void apply_memcachier_containerServersRewiredCredentialsDropped() {
        var result = AddOnRules.apply(herokuAddOns(new AddOnFact("id", "mc", "memcachier", "memcachier:dev",
                "my-app", List.of(new AttachmentFact("MEMCACHIER", List.of("MEMCACHIER_PASSWORD",
                "MEMCACHIER_SERVERS", "MEMCACHIER_USERNAME"))), null)));
        assertThat(result.services().get(0).image()).startsWith("memcached:");
        assertThat(result.varFates().get("MEMCACHIER_SERVERS").value()).isEqualTo("memcached:11211");
        assertThat(result.varFates().get("MEMCACHIER_PASSWORD").outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(result.appDependencies()).containsExactly(new Dependency("memcached", Condition.SERVICE_STARTED));
    }

    @Test
    void apply_saas_varsBareWithWarning() {
        var result = AddOnRules.apply(herokuAddOns(addOn("sendgrid", "sg", null, "SENDGRID_API_KEY")));
        assertThat(result.services()).isEmpty();
        assertThat(result.varFates().get("SENDGRID_API_KEY")).extracting(AddOnRules.VarFate::outcome,
                AddOnRules.VarFate::value).containsExactly(Outcome.NEEDS_VALUE, null);
        assertThat(result.findings()).extracting(Finding::code).containsExactly("addon-saas-kept");
    }

    @Test
    void apply_unknownAddOn_varsBareWithUnknownWarning() {
        var result = AddOnRules.apply(herokuAddOns(addOn("bomberman", "bm", null, "BOMBERMAN_URL")));
        assertThat(result.varFates().get("BOMBERMAN_URL").outcome()).isEqualTo(Outcome.NEEDS_VALUE);
        assertThat(result.findings()).extracting(Finding::code).containsExactly("addon-unknown");
    }

    @Test
    void apply_schedulerAndLogging_warningAndNote() {
        var result = AddOnRules.apply(herokuAddOns(addOn("scheduler", "sch", null),
                addOn("papertrail", "pt", null, "PAPERTRAIL_API_TOKEN")));
        assertThat(result.findings()).extracting(Finding::code, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("scheduler-jobs-unknown", Finding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("addon-logging", Finding.Severity.NOTE));
        assertThat(result.varFates().get("PAPERTRAIL_API_TOKEN").outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(result.lines()).extracting(MigrationReport.AddOnLine::outcome)
                .containsExactly(Outcome.DROPPED, Outcome.NEEDS_USER);
    }

    @Test
    void apply_sharedAddOn_warningNamesTheOwner() {
        var result = AddOnRules.apply(herokuAddOns(new AddOnFact("id", "redis-y", "heroku-redis",
                "heroku-redis:mini", "other-app", List.of(new AttachmentFact("REDIS", List.of("REDIS_URL"))), "7")));
        assertThat(result.findings()).filteredOn(f -> f.code().equals("addon-shared"))
                .singleElement().extracting(Finding::message).asString().contains("other-app");
    }

    @Test
    void apply_sourceOnlyAddOns_catalogVarNamesFromProductionEnvironment() {
        var appJson = new dev.ferry.snapshot.SourceFacts.AppJson("x", List.of(), java.util.Map.of(),
                List.of("heroku-redis"), java.util.Map.of(), List.of(), null, java.util.Map.of("production",
                new dev.ferry.snapshot.SourceFacts.AppJsonEnvironment(List.of("heroku-postgresql:mini"),
                        java.util.Map.of(), java.util.Map.of())));
        var result = AddOnRules.apply(Snapshots.source(List.of(), appJson, null));
        assertThat(result.services()).extracting(ComposeService::name).containsExactly("postgres", "redis");
        assertThat(result.varFates()).containsKeys("DATABASE_URL", "REDIS_URL");
    }

    @Test
    void databaseName_herokuName_keptWhenAPlainIdentifier() {
        assertThat(AddOnRules.databaseName("eb631mzx93pn27", "vast-badlands-production")).isEqualTo("eb631mzx93pn27");
        assertThat(AddOnRules.databaseName(null, "vast-badlands-production")).isEqualTo("vast_badlands_production");
        assertThat(AddOnRules.databaseName("Bad-Name; drop", "shop")).isEqualTo("shop");
    }

    @Test
    void databaseName_appNames_postgresIdentifiers() {
        assertThat(AddOnRules.databaseName("vast-badlands-production")).isEqualTo("vast_badlands_production");
        assertThat(AddOnRules.databaseName("9lives")).isEqualTo("app_9lives");
    }

    @Test
    void major_versions_majorOrNull() {
        assertThat(AddOnRules.major("17.4")).isEqualTo("17");
        assertThat(AddOnRules.major("7.2.4")).isEqualTo("7");
        assertThat(AddOnRules.major("latest")).isNull();
        assertThat(AddOnRules.major(null)).isNull();
    }
}

package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.compose.AddOnCatalog.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddOnCatalogTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "heroku-postgresql:essential-0, POSTGRES", "heroku-redis, REDIS", "rediscloud:30, REDIS",
            "memcachier, CONTAINER", "cloudamqp:lemur, CONTAINER", "bonsai, CONTAINER", "searchbox, CONTAINER",
            "sendgrid, SAAS", "sentry, SAAS", "papertrail:choklad, LOGGING", "scheduler:standard, SCHEDULER",
            "heroku-scheduler, SCHEDULER", "bomberman, SAAS"})
    void lookup_addOnService_kind(String plan, Kind kind) {
        assertThat(AddOnCatalog.lookup(plan).kind()).isEqualTo(kind);
    }

    @Test
    void lookup_containers_openImagesAndServiceNames() {
        assertThat(AddOnCatalog.lookup("memcachier").container().image()).startsWith("memcached:");
        assertThat(AddOnCatalog.lookup("cloudamqp").container().service()).isEqualTo("rabbitmq");
        assertThat(AddOnCatalog.lookup("bonsai").container().image()).startsWith("opensearchproject/opensearch:");
        assertThat(AddOnCatalog.lookup("searchbox").container().service())
                .isEqualTo(AddOnCatalog.lookup("bonsai").container().service());
    }

    @Test
    void knows_unlistedAddOn_false() {
        assertThat(AddOnCatalog.knows("bomberman")).isFalse();
        assertThat(AddOnCatalog.knows("Heroku-Postgresql:standard-0")).isTrue();
    }

    @Test
    void entries_oneRowPerService_noDuplicates() {
        assertThat(AddOnCatalog.ENTRIES).extracting(AddOnCatalog.Entry::service).doesNotHaveDuplicates();
    }
}

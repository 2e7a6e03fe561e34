package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentConfigVarsTest {

    @Test
    void byAttachment_varsNamedAfterDatabase_otherAttachmentGetsItsOwnPrefix() {
        assertThat(AttachmentConfigVars.byAttachment(List.of("DATABASE_URL"),
                List.of("DATABASE", "HEROKU_POSTGRESQL_ONYX"), Set.of())).isEqualTo(Map.of(
                "DATABASE", List.of("DATABASE_URL"),
                "HEROKU_POSTGRESQL_ONYX", List.of("HEROKU_POSTGRESQL_ONYX_URL")));
    }

    @Test
    void byAttachment_varsNamedAfterTheColourAttachment_databaseGetsDatabaseUrl() {
        assertThat(AttachmentConfigVars.byAttachment(List.of("HEROKU_POSTGRESQL_ONYX_URL"),
                List.of("DATABASE", "HEROKU_POSTGRESQL_ONYX"), Set.of())).isEqualTo(Map.of(
                "DATABASE", List.of("DATABASE_URL"),
                "HEROKU_POSTGRESQL_ONYX", List.of("HEROKU_POSTGRESQL_ONYX_URL")));
    }

    @Test
    void byAttachment_redis_bothUrls() {
        assertThat(AttachmentConfigVars.byAttachment(List.of("REDIS_URL", "REDIS_TLS_URL"), List.of("REDIS"),
                Set.of())).isEqualTo(Map.of("REDIS", List.of("REDIS_TLS_URL", "REDIS_URL")));
    }

    @Test
    void byAttachment_sharedAddOnNamedAfterItsOwnersAttachment_prefixCheckedAgainstTheAppsVars() {
        assertThat(AttachmentConfigVars.byAttachment(List.of("DATABASE_URL"), List.of("ANALYTICS_DATABASE"),
                Set.of("ANALYTICS_DATABASE_URL", "DATABASE_URL"))).isEqualTo(Map.of(
                "ANALYTICS_DATABASE", List.of("ANALYTICS_DATABASE_URL")));
    }

    @Test
    void byAttachment_multiWordSuffix_prefixIsTheAttachmentName() {
        assertThat(AttachmentConfigVars.byAttachment(List.of("PAPERTRAIL_API_TOKEN"), List.of("PAPERTRAIL"),
                Set.of())).isEqualTo(Map.of("PAPERTRAIL", List.of("PAPERTRAIL_API_TOKEN")));
        // a shared one: the longest prefix that the app's vars confirm
        assertThat(AttachmentConfigVars.byAttachment(List.of("PAPERTRAIL_API_TOKEN"), List.of("LOGS"),
                Set.of("LOGS_API_TOKEN"))).isEqualTo(Map.of("LOGS", List.of("LOGS_API_TOKEN")));
    }

    @Test
    void byAttachment_addOnWithoutVars_emptyLists() {
        assertThat(AttachmentConfigVars.byAttachment(List.of(), List.of("SCHEDULER"), Set.of()))
                .isEqualTo(Map.of("SCHEDULER", List.of()));
    }
}

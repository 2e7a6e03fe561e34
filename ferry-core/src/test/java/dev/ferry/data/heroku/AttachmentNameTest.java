package dev.ferry.data.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @Test
    void parse_nameOrConfigVarInAnyCase_theSameAttachment() {
        assertThat(AttachmentName.parse("DATABASE")).isEqualTo(AttachmentName.DATABASE);
        assertThat(AttachmentName.parse("database_url")).isEqualTo(AttachmentName.DATABASE);
        assertThat(AttachmentName.parse(" Heroku_Postgresql_Onyx_URL ").name()).isEqualTo("HEROKU_POSTGRESQL_ONYX");
    }

    @Test
    void configVar_isTheNamePlusUrl() {
        assertThat(AttachmentName.parse("heroku_postgresql_onyx").configVar()).isEqualTo("HEROKU_POSTGRESQL_ONYX_URL");
        assertThat(AttachmentName.parse("REDIS_URL").configVar()).isEqualTo("REDIS_URL");
    }

    @Test
    void parse_notAName_badInputNamingTheOption() {
        for (String given : new String[] {"DATA BASE", "_URL", "", "2DB", "db-1"}) {
            FerryException e = catchThrowableOfType(FerryException.class, () -> AttachmentName.parse(given));

            assertThat(e.kind()).as(given).isEqualTo(FerryException.Kind.BAD_INPUT);
            assertThat(e.getMessage()).isEqualTo("--attachment: not an attachment name (letters, digits and _)");
            assertThat(e.hint()).isEqualTo("e.g. --attachment DATABASE or --attachment HEROKU_POSTGRESQL_ONYX");
        }
    }

    @Test
    void is_herokuNameInAnyCase() {
        assertThat(AttachmentName.parse("onyx_url").is("Onyx")).isTrue();
        assertThat(AttachmentName.DATABASE.is("DATABASE_FOLLOWER")).isFalse();
    }

    @Test
    void withoutVarSuffix_stripsOneTrailingUrl() {
        assertThat(AttachmentName.withoutVarSuffix("ANALYTICS_DATABASE_URL")).isEqualTo("ANALYTICS_DATABASE");
        assertThat(AttachmentName.withoutVarSuffix("SENTRY_DSN")).isEqualTo("SENTRY_DSN");
    }

    @Test
    void namesRedis_byTheName() {
        assertThat(AttachmentName.parse("heroku_redis_onyx").namesRedis()).isTrue();
        assertThat(AttachmentName.DATABASE.namesRedis()).isFalse();
    }

    @Test
    void defaultFor_byTargetKind() {
        assertThat(AttachmentName.defaultFor(ConnectionUrl.parse("redis://h:6379", "t"))).isEqualTo(AttachmentName.REDIS);
        assertThat(AttachmentName.defaultFor(ConnectionUrl.parse("rediss://h:6380", "t"))).isEqualTo(AttachmentName.REDIS);
        assertThat(AttachmentName.defaultFor(ConnectionUrl.parse("postgres://h/db", "t")))
                .isEqualTo(AttachmentName.DATABASE);
    }
}

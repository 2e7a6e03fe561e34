package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import org.junit.jupiter.api.Test;

class PgToolsTest {

    @Test
    void requireRestorableInto_tools17IntoTarget17_passes() {
        assertThatCode(() -> new PgTools(null, 17).requireRestorableInto(17, 16)).doesNotThrowAnyException();
    }

    @Test
    void requireRestorableInto_toolsBefore17IntoOlderTarget_passes() {
        assertThatCode(() -> new PgTools(null, 16).requireRestorableInto(15, 15)).doesNotThrowAnyException();
    }

    @Test
    void requireRestorableInto_tools17IntoTarget15_environmentErrorNamingTheClientToInstall() {
        assertThatThrownBy(() -> new PgTools(null, 17).requireRestorableInto(15, 14))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage())
                            .contains("pg_restore 17 cannot restore into the target's PostgreSQL 15")
                            .contains("transaction_timeout");
                    assertThat(e.hint()).contains("postgresql-client-15");
                });
    }

    @Test
    void requireRestorableInto_source17IntoTarget16_badInputNoToolCanDoIt() {
        assertThatThrownBy(() -> new PgTools(null, 17).requireRestorableInto(16, 17))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.hint()).contains("PostgreSQL 17 or newer target");
                });
    }
}

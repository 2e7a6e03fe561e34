package dev.ferry.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private final Map<String, String> vars = Map.of("SET", "value", "EMPTY", "", "DOLLAR", "a$b");
    private final Set<String> unset = new HashSet<>();
    private final Interpolation interpolation = new Interpolation(n -> Optional.ofNullable(vars.get(n)),
            Set.of("STORE_SECRET"), unset);

    @Test
    void apply_plainAndBraced_substitutes() {
        assertThat(interpolation.apply("x-${SET}-$SET-y")).isEqualTo("x-value-value-y");
    }

    @Test
    void apply_defaults_followComposeRules() {
        assertThat(interpolation.apply("${MISSING:-d}")).isEqualTo("d");
        assertThat(interpolation.apply("${MISSING-d}")).isEqualTo("d");
        assertThat(interpolation.apply("${EMPTY:-d}")).isEqualTo("d");
        assertThat(interpolation.apply("${EMPTY-d}")).isEmpty();
        assertThat(interpolation.apply("${SET:-d}")).isEqualTo("value");
        assertThat(interpolation.apply("${MISSING:-${SET}}")).isEqualTo("value");
        assertThat(interpolation.apply("${SET:+alt}")).isEqualTo("alt");
        assertThat(interpolation.apply("${MISSING+alt}")).isEmpty();
    }

    @Test
    void apply_required_failsWithTheMessage() {
        assertThatThrownBy(() -> interpolation.apply("${MISSING?set it please}"))
                .hasMessageContaining("MISSING is not set: set it please");
        assertThatThrownBy(() -> interpolation.apply("${EMPTY:?needed}")).hasMessageContaining("EMPTY is empty: needed");
        assertThat(interpolation.apply("${EMPTY?needed}")).isEmpty();
    }

    @Test
    void apply_dollarDollar_staysEscaped() {
        assertThat(interpolation.apply("cost $$5 ${DOLLAR}")).isEqualTo("cost $$5 a$$b");
    }

    @Test
    void apply_unsetWithoutDefault_isEmptyAndRecorded() {
        assertThat(interpolation.apply("[${NOPE}]")).isEqualTo("[]");
        assertThat(unset).containsExactly("NOPE");
    }

    @Test
    void apply_deferredName_isKeptForTheStore() {
        assertThat(interpolation.apply("postgres://u:${STORE_SECRET}@db")).isEqualTo("postgres://u:${STORE_SECRET}@db");
        assertThat(unset).isEmpty();
    }

    @Test
    void apply_badSyntax_fails() {
        assertThatThrownBy(() -> interpolation.apply("${unclosed")).isInstanceOf(Interpolation.Failure.class);
        assertThatThrownBy(() -> interpolation.apply("${1BAD}")).isInstanceOf(Interpolation.Failure.class);
        assertThatThrownBy(() -> interpolation.apply("${A/b}")).isInstanceOf(Interpolation.Failure.class);
    }

    @Test
    void unescape_fillsDeferredAndUnescapesDollars() {
        String text = "sh -c 'echo $${PORT:-5000}' ${STORE_SECRET} ${OTHER:-fallback}";
        assertThat(Interpolation.unescape(text, n -> n.equals("STORE_SECRET") ? Optional.of("s3") : Optional.empty()))
                .isEqualTo("sh -c 'echo ${PORT:-5000}' s3 fallback");
    }
}

package dev.ferry.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void parse_composeSyntax_readsEveryForm() {
        var values = DotEnv.parse(".env", List.of("# comment", "", "A=1", "export B = two ", "C='lit $X # no'",
                "D=\"line\\nnext \\\"q\\\"\"", "E=plain # comment", "F=", "BARE"));
        assertThat(values).containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "two"),
                java.util.Map.entry("C", "lit $X # no"), java.util.Map.entry("D", "line\nnext \"q\""),
                java.util.Map.entry("E", "plain"), java.util.Map.entry("F", ""));
    }

    @Test
    void parse_badName_namesFileAndLine() {
        assertThatThrownBy(() -> DotEnv.parse("app.env", List.of("OK=1", "no good=2")))
                .isInstanceOf(FerryException.class).hasMessage("app.env:2: \"no good\" is not a variable name");
    }
}

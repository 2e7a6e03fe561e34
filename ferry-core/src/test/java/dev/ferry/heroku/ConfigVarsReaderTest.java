package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarFact;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigVarsReaderTest {

    @Test
    void read_mixedVars_classifiedAtOnceWithSecretValuesDropped() throws Exception {
        byte[] body = """
                {"LANG":"en_US.UTF-8","API_TOKEN":"abc","DATABASE_URL":"postgres://u:pw@h:5432/d","DYNO_X":null,
                 "HEROKU_APP_ID":"1234"}""".getBytes(StandardCharsets.UTF_8);
        Map<String, ConfigVarFact> facts = ConfigVarsReader.read(body);
        assertThat(facts.keySet()).containsExactly("API_TOKEN", "DATABASE_URL", "DYNO_X", "HEROKU_APP_ID", "LANG");
        assertThat(facts.get("LANG")).isEqualTo(new ConfigVarFact("LANG", ConfigVarClass.PLAIN, "en_US.UTF-8"));
        assertThat(facts.get("API_TOKEN")).isEqualTo(new ConfigVarFact("API_TOKEN", ConfigVarClass.SECRET, null));
        assertThat(facts.get("DATABASE_URL").value()).isNull();
        assertThat(facts.get("HEROKU_APP_ID").classification()).isEqualTo(ConfigVarClass.HEROKU_SET);
        assertThat(facts.toString()).doesNotContain("pw@").doesNotContain("abc");
    }

    @Test
    void withOwnership_addOnVars_reclassifiedWithoutValues() throws Exception {
        Map<String, ConfigVarFact> facts = ConfigVarsReader.read(
                "{\"SENDGRID_USERNAME\":\"app1@heroku.com\",\"LANG\":\"C\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, ConfigVarFact> owned = ConfigVarsReader.withOwnership(facts, Set.of("SENDGRID_USERNAME"));
        assertThat(owned.get("SENDGRID_USERNAME"))
                .isEqualTo(new ConfigVarFact("SENDGRID_USERNAME", ConfigVarClass.ADDON_OWNED, null));
        assertThat(owned.get("LANG")).isEqualTo(facts.get("LANG"));
    }
}

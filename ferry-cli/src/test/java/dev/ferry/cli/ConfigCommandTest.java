package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.provider.local.LocalConfigStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        return env;
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(env());
    }

    private LocalConfigStore store() {
        return LocalConfigStore.forProject(dir, env());
    }

    @Test
    void set_nameEqualsValue_storesItAndPrintsTheNameOnly() {
        CliRunner.Run run = cli().run("config", "set", "SECRET_KEY_BASE=abc-very-secret");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains("Set SECRET_KEY_BASE in the local config store");
        assertThat(run.all()).doesNotContain("abc-very-secret");
        assertThat(store().get("SECRET_KEY_BASE")).contains("abc-very-secret");
    }

    @Test
    void set_valueFromStdin_dropsTheFinalNewline() {
        CliRunner.Run run = cli().stdin("piped-secret\n").run("config", "set", "API_TOKEN");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(store().get("API_TOKEN")).contains("piped-secret");
        assertThat(run.all()).doesNotContain("piped-secret");
    }

    @Test
    void set_hiddenPromptOnATerminal_asksForTheName() {
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("typed-secret"));
        CliRunner.Run run = cli().atTerminal(() -> prompter).run("config", "set", "API_TOKEN");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(prompter.questions()).containsExactly("Value for API_TOKEN:");
        assertThat(store().get("API_TOKEN")).contains("typed-secret");
    }

    @Test
    void set_emptyStdin_isBadInputWithTheFix() {
        CliRunner.Run run = cli().run("config", "set", "API_TOKEN");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ferry: no value for API_TOKEN on standard input");
    }

    @Test
    void set_envFile_setsEveryLine() throws IOException {
        Files.writeString(dir.resolve("secrets.env"), "A_KEY=one\n# comment\nB_PASSWORD='two'\n");
        CliRunner.Run run = cli().run("config", "set", "--env-file", "secrets.env");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(store().names()).containsExactly("A_KEY", "B_PASSWORD");
        assertThat(store().get("B_PASSWORD")).contains("two");
        assertThat(run.all()).doesNotContain("one").doesNotContain("two");
    }

    @Test
    void ls_printsNamesOnly_rmRemoves() {
        store().setAll(Map.of("A_KEY", "value-a", "B_KEY", "value-b"));
        CliRunner.Run ls = cli().run("config", "ls");
        assertThat(ls.out()).isEqualTo("A_KEY\nB_KEY\n");
        assertThat(ls.all()).doesNotContain("value-");
        assertThat(cli().run("config", "rm", "A_KEY").exitCode()).isZero();
        assertThat(store().names()).containsExactly("B_KEY");
        CliRunner.Run missing = cli().run("config", "rm", "NOPE");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("not in the store: NOPE");
    }

    @Test
    void set_badName_exit2() {
        CliRunner.Run run = cli().run("config", "set", "not-a-name=1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("\"not-a-name\" is not a config name");
    }

    @Test
    void import_fromHeroku_copiesSecretsPrintingNamesOnly() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment())
                    .run("config", "import", "--from", "heroku", "--app", "vast-badlands-production");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).isEqualTo("SECRET_KEY_BASE\n");
            assertThat(run.err()).contains("Imported 1 secret config var of \"vast-badlands-production\"");
            assertThat(store().names()).containsExactly("SECRET_KEY_BASE");
            assertThat(store().get("SECRET_KEY_BASE")).contains(SecretFixtures.values().get(0));
            for (String secret : SecretFixtures.values()) {
                assertThat(run.all()).doesNotContain(secret);
            }
            assertThat(run.all()).doesNotContain(heroku.token());
            assertThat(heroku.violations()).isEmpty();
        }
    }
}

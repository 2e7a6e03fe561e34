package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the token sources. The heroku CLI is stood in for by a runner that answers like it (or like a
 * missing program); the real CLI is exercised end to end in {@link HerokuCliTokenTest}.
 */
class HerokuTokenResolverTest {

    @TempDir
    Path home;

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private final List<List<String>> commands = new CopyOnWriteArrayList<>();

    private final ProcessRunner cliNotInstalled = (command, environment, timeout) -> {
        commands.add(command);
        throw new IOException("Cannot run program \"heroku\": error=2, No such file or directory");
    };

    private final ProcessRunner cliLoggedIn = (command, environment, timeout) -> {
        commands.add(command);
        return command.get(1).equals("authorizations:create")
                ? new ProcessRunner.Result(0, "{\"id\":\"a1b2\",\"access_token\":{\"token\":\"HRKU-from-cli\"}}", "")
                : new ProcessRunner.Result(0, "", "");
    };

    private HerokuCredential resolve(Map<String, String> environment, ProcessRunner runner, TokenPrompt prompt) {
        return new HerokuTokenResolver(environment, home, runner, "heroku", prompt, events::add).resolve();
    }

    private void writeNetrc(String machine, String password) throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine " + machine + "\n  login me@example.com\n  password "
                + password + "\n");
    }

    @Test
    void resolve_everySourceAvailable_herokuApiKeyFirst() throws IOException {
        writeNetrc("api.heroku.com", "HRKU-netrc");
        HerokuCredential credential = resolve(Map.of("HEROKU_API_KEY", "HRKU-key", "HEROKU_AUTH_TOKEN", "HRKU-auth"),
                cliLoggedIn, message -> Optional.of("HRKU-typed".toCharArray()));
        assertThat(credential.source()).isEqualTo(TokenSource.HEROKU_API_KEY);
        assertThat(credential.token()).isEqualTo("HRKU-key");
        assertThat(commands).isEmpty();
    }

    @Test
    void resolve_authTokenAndNetrc_authTokenSecond() throws IOException {
        writeNetrc("api.heroku.com", "HRKU-netrc");
        HerokuCredential credential = resolve(Map.of("HEROKU_AUTH_TOKEN", "HRKU-auth", "HEROKU_API_KEY", " "),
                cliLoggedIn, TokenPrompt.NONE);
        assertThat(credential.source()).isEqualTo(TokenSource.HEROKU_AUTH_TOKEN);
        assertThat(credential.token()).isEqualTo("HRKU-auth");
    }

    @Test
    void resolve_netrcAndCli_netrcThird() throws IOException {
        writeNetrc("api.heroku.com", "HRKU-netrc");
        HerokuCredential credential = resolve(Map.of(), cliLoggedIn, TokenPrompt.NONE);
        assertThat(credential.source()).isEqualTo(TokenSource.NETRC);
        assertThat(credential.token()).isEqualTo("HRKU-netrc");
        assertThat(commands).isEmpty();
    }

    @Test
    void resolve_localApiUrl_readsTheNetrcEntryForHostAndPort() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine api.heroku.com password HRKU-real\n"
                + "machine 127.0.0.1:5000 password HRKU-local\n");
        HerokuCredential credential = resolve(Map.of("HEROKU_API_URL", "http://127.0.0.1:5000"), cliLoggedIn,
                TokenPrompt.NONE);
        assertThat(credential.token()).isEqualTo("HRKU-local");
    }

    @Test
    void resolve_noNetrcEntry_cliFourthAndItsAuthorizationRevokedOnClose() throws IOException {
        writeNetrc("git.heroku.com", "HRKU-git-only");
        HerokuCredential credential = resolve(Map.of(), cliLoggedIn, message -> Optional.of("x".toCharArray()));
        assertThat(credential.source()).isEqualTo(TokenSource.HEROKU_CLI);
        assertThat(credential.token()).isEqualTo("HRKU-from-cli");
        assertThat(commands).containsExactly(List.of("heroku", "authorizations:create", "--expires-in=300", "--json",
                "--description=ferry (temporary, deleted when ferry is done)"));
        credential.close();
        credential.close();
        assertThat(commands).hasSize(2).last().isEqualTo(List.of("heroku", "authorizations:revoke", "a1b2"));
    }

    @Test
    void resolve_cliNotInstalled_promptFifthAndTypedCharsWiped() {
        char[] typed = " HRKU-typed \n".toCharArray();
        List<String> asked = new CopyOnWriteArrayList<>();
        HerokuCredential credential = resolve(Map.of(), cliNotInstalled, message -> {
            asked.add(message);
            return Optional.of(typed);
        });
        assertThat(credential.source()).isEqualTo(TokenSource.PROMPT);
        assertThat(credential.token()).isEqualTo("HRKU-typed");
        assertThat(asked).singleElement().asString().contains("input hidden");
        assertThat(new String(typed)).isEqualTo("\0".repeat(typed.length));
    }

    @Test
    void resolve_cliNotLoggedIn_fallsThroughToThePrompt() {
        ProcessRunner loggedOut = (command, environment, timeout) -> new ProcessRunner.Result(100, "",
                " ›   Error: Invalid credentials provided.");
        HerokuCredential credential = resolve(Map.of(), loggedOut, message -> Optional.of("HRKU-t".toCharArray()));
        assertThat(credential.source()).isEqualTo(TokenSource.PROMPT);
        assertThat(events).anyMatch(e -> e.toString().contains("exit 100"));
    }

    @Test
    void resolve_nothingAnywhere_environmentErrorListingWhereItLooked() {
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> resolve(Map.of(), cliNotInstalled, TokenPrompt.NONE));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(failure.getMessage()).contains("HEROKU_API_KEY").contains("~/.netrc machine api.heroku.com")
                .contains("heroku CLI");
        assertThat(failure.hint()).contains("heroku login");
    }

    @Test
    void credential_toStringAndEvents_nameTheSourceNeverTheToken() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HEROKU_API_KEY", "HRKU-very-secret-value");
        HerokuCredential credential = resolve(environment, cliNotInstalled, TokenPrompt.NONE);
        assertThat(credential.toString()).isEqualTo("HerokuCredential[source=HEROKU_API_KEY]");
        assertThat(events).singleElement().isEqualTo(
                new FerryEvent.Detail("Heroku token: the HEROKU_API_KEY environment variable"));
        assertThat(events.toString()).doesNotContain("HRKU-very-secret-value");
    }
}

package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.snapshot.HerokuFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ferry's heroku-CLI token path end to end, with the real heroku CLI (installed by
 * {@code npm install --prefix .tools heroku}) pointed at the fake API through HEROKU_HOST and a .netrc in a temporary
 * home: authorizations:create → the token reads the app → closing revokes the authorization.
 */
class HerokuCliTokenTest {

    @TempDir
    Path temp;

    @Test
    void resolve_herokuCliLoggedIn_createsUsesAndDeletesAShortLivedAuthorization() throws Exception {
        Path cli = herokuCli();
        List<FerryEvent> events = new CopyOnWriteArrayList<>();
        try (FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            Path cliHome = Files.createDirectories(temp.resolve("cli-home"));
            String machine = fake.url().substring("http://".length());
            Files.writeString(cliHome.resolve(".netrc"), "machine " + machine + "\n  login dev@example.com\n"
                    + "  password " + fake.token() + "\n");
            // ferry's own home has no .netrc, so that the resolver gets past ~/.netrc to the CLI
            Path ferryHome = Files.createDirectories(temp.resolve("ferry-home"));
            Map<String, String> environment = new HashMap<>();
            environment.put("PATH", System.getenv("PATH"));
            environment.put("HOME", cliHome.toString());
            environment.put("HEROKU_HOST", fake.url());
            environment.put("HEROKU_API_URL", fake.url());
            environment.put("HEROKU_DATA_API_URL", fake.url());
            // the CLI's telemetry would try the internet from a test; off, it also halves the CLI's run time
            environment.put("DISABLE_TELEMETRY", "true");
            HerokuTokenResolver resolver = new HerokuTokenResolver(environment, ferryHome, ProcessRunner.SYSTEM,
                    cli.toString(), message -> {
                        throw new AssertionError("prompted although the heroku CLI is logged in");
                    }, events::add);

            String token;
            try (HerokuCredential credential = resolver.resolve()) {
                token = credential.token();
                assertThat(credential.source()).isEqualTo(TokenSource.HEROKU_CLI);
                assertThat(fake.createdAuthorizations()).hasSize(1);
                assertThat(token).isNotEqualTo(fake.token());
                assertThat(fake.accepts(token)).isTrue();

                HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(environment),
                        credential, HerokuClientSettings.defaults(), events::add);
                HerokuFacts facts = new HerokuSnapshotCollector(client).collect("vast-badlands-production",
                        events::add);
                assertThat(facts.app().name()).isEqualTo("vast-badlands-production");
                assertThat(fake.deletedAuthorizations()).isEmpty();
            }
            assertThat(fake.deletedAuthorizations()).isEqualTo(fake.createdAuthorizations());
            assertThat(fake.accepts(token)).isFalse();
            assertThat(events.toString()).doesNotContain(token).doesNotContain(fake.token())
                    .contains("deleted the temporary Heroku authorization");
        }
    }

    /** The CLI from {@code -Dferry.heroku.cli}; its absence fails the test with the command that installs it. */
    static Path herokuCli() {
        String configured = System.getProperty("ferry.heroku.cli", ".tools/node_modules/.bin/heroku");
        Path cli = Path.of(configured);
        assertThat(Files.isExecutable(cli))
                .withFailMessage("the heroku CLI is not installed at %s; run: npm install --prefix .tools heroku "
                        + "(at the repository root)", cli.toAbsolutePath())
                .isTrue();
        return cli;
    }

}

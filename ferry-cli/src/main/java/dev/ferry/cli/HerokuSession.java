package dev.ferry.cli;

import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.HerokuTokenResolver;
import dev.ferry.heroku.ProcessRunner;
import dev.ferry.heroku.TokenPrompt;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Heroku API client for one command, with the token found the usual way (environment, ~/.netrc, the heroku CLI,
 * a hidden prompt when one is allowed). Closing it deletes a temporary authorization the heroku CLI made.
 */
final class HerokuSession implements AutoCloseable {

    private final HerokuCredential credential;
    private final HerokuApiClient client;

    private HerokuSession(HerokuCredential credential, HerokuApiClient client) {
        this.credential = credential;
        this.client = client;
    }

    static HerokuSession open(CliContext context, PrompterHolder prompts, ConsoleEvents events) {
        TokenPrompt tokenPrompt = prompts.allowed()
                ? message -> Optional.of(prompts.get().askSecret(message))
                : TokenPrompt.NONE;
        HerokuTokenResolver resolver = new HerokuTokenResolver(context.env(), home(context), ProcessRunner.SYSTEM,
                context.env().getOrDefault("FERRY_HEROKU_CLI", "heroku"), tokenPrompt, events);
        HerokuCredential credential = resolver.resolve();
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(context.env()), credential,
                HerokuClientSettings.defaults(), events);
        return new HerokuSession(credential, client);
    }

    HerokuApiClient client() {
        return client;
    }

    /** Words for the user saying where the token came from; never the token. */
    String tokenSource() {
        return credential.source().description();
    }

    @Override
    public void close() {
        credential.close();
    }

    private static Path home(CliContext context) {
        String home = context.env().get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }
}

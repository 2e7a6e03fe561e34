package dev.ferry.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a Heroku API token, trying in order: HEROKU_API_KEY, HEROKU_AUTH_TOKEN, the API host's entry in ~/.netrc,
 * a 5-minute authorization created through the heroku CLI (deleted again when the credential is closed), and last a
 * hidden prompt. Everything it touches (environment, home folder, process runner, prompt) is passed in, so that tests
 * choose each one.
 */
public final class HerokuTokenResolver {

    static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);
    static final String PROMPT_MESSAGE = "Heroku API token (input hidden; create one at "
            + "https://dashboard.heroku.com/account/applications/authorizations/new): ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path home;
    private final ProcessRunner processes;
    private final String herokuCommand;
    private final TokenPrompt prompt;
    private final EventSink events;

    /**
     * @param environment the process environment (HEROKU_* variables; also the heroku CLI's whole environment)
     * @param home the folder whose .netrc is read
     * @param processes runs the heroku CLI
     * @param herokuCommand the heroku CLI executable, "heroku" to look it up on the PATH
     * @param prompt asks the user when nothing else gave a token
     * @param events where to say which source was used (never the token)
     */
    public HerokuTokenResolver(Map<String, String> environment, Path home, ProcessRunner processes,
                               String herokuCommand, TokenPrompt prompt, EventSink events) {
        this.environment = Map.copyOf(environment);
        this.home = Objects.requireNonNull(home, "home");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.herokuCommand = Objects.requireNonNull(herokuCommand, "herokuCommand");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The resolver for this machine: the real environment, the user's home, the heroku CLI on the PATH. */
    public static HerokuTokenResolver forThisMachine(TokenPrompt prompt, EventSink events) {
        return new HerokuTokenResolver(System.getenv(), Path.of(System.getProperty("user.home")),
                ProcessRunner.SYSTEM, "heroku", prompt, events);
    }

    /**
     * The first token found, as a credential the caller must close (closing deletes a temporary authorization).
     *
     * @throws FerryException (environment) when no source gave a token
     */
    public HerokuCredential resolve() {
        HerokuEndpoints endpoints = HerokuEndpoints.fromEnvironment(environment);
        Optional<HerokuCredential> found = fromVariable(TokenSource.HEROKU_API_KEY)
                .or(() -> fromVariable(TokenSource.HEROKU_AUTH_TOKEN))
                .or(() -> fromNetrc(endpoints.netrcMachine()))
                .or(this::fromHerokuCli)
                .or(this::fromPrompt);
        HerokuCredential credential = found.orElseThrow(() -> FerryException.environment(
                "No Heroku API token found (looked in HEROKU_API_KEY, HEROKU_AUTH_TOKEN, ~/.netrc machine "
                        + endpoints.netrcMachine() + ", the heroku CLI)",
                "run `heroku login`, or set HEROKU_API_KEY to a token from `heroku authorizations:create`"));
        events.emit(new FerryEvent.Detail("Heroku token: " + credential.source().description()));
        return credential;
    }

    private Optional<HerokuCredential> fromVariable(TokenSource source) {
        String value = environment.get(source.name());
        return value == null || value.isBlank()
                ? Optional.empty() : Optional.of(HerokuCredential.of(value, source));
    }

    private Optional<HerokuCredential> fromNetrc(String machine) {
        for (String name : List.of(".netrc", "_netrc")) {
            Path file = home.resolve(name);
            if (Files.isReadable(file)) {
                try {
                    Optional<String> password = Netrc.password(Files.readString(file), machine);
                    if (password.isPresent()) {
                        return Optional.of(HerokuCredential.of(password.get(), TokenSource.NETRC));
                    }
                } catch (IOException e) {
                    events.emit(new FerryEvent.Detail("could not read " + file + ": " + e.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<HerokuCredential> fromHerokuCli() {
        ProcessRunner.Result result;
        try {
            result = processes.run(List.of(herokuCommand, "authorizations:create", "--expires-in=300", "--json",
                    "--description=ferry (temporary, deleted when ferry is done)"), environment, CLI_TIMEOUT);
        } catch (IOException e) {
            events.emit(new FerryEvent.Detail("heroku CLI not available (" + herokuCommand + ")"));
            return Optional.empty();
        } catch (Exception e) {
            events.emit(new FerryEvent.Detail("heroku CLI did not create an authorization: " + e.getMessage()));
            return Optional.empty();
        }
        if (result.exitCode() != 0) {
            // stderr is not quoted: it is the CLI's business, and it is not worth the risk of echoing a secret
            events.emit(new FerryEvent.Detail("heroku CLI could not create an authorization (exit "
                    + result.exitCode() + "); is it logged in? (`heroku login`)"));
            return Optional.empty();
        }
        try {
            JsonNode authorization = JSON.readTree(result.stdout());
            String id = authorization.path("id").asText("");
            String token = authorization.path("access_token").path("token").asText("");
            if (id.isEmpty() || token.isEmpty()) {
                events.emit(new FerryEvent.Detail("heroku CLI answered without an access token"));
                return Optional.empty();
            }
            events.emit(new FerryEvent.Step("Using the heroku CLI to create a short-lived authorization token"));
            return Optional.of(new HerokuCredential(token, TokenSource.HEROKU_CLI, () -> revoke(id)));
        } catch (IOException e) {
            events.emit(new FerryEvent.Detail("heroku CLI answered with something other than JSON"));
            return Optional.empty();
        }
    }

    /** Deletes the temporary authorization; a failure is reported, not thrown: the token expires by itself. */
    private void revoke(String authorizationId) {
        String failure;
        try {
            ProcessRunner.Result result = processes.run(
                    List.of(herokuCommand, "authorizations:revoke", authorizationId), environment, CLI_TIMEOUT);
            if (result.exitCode() == 0) {
                events.emit(new FerryEvent.Detail("deleted the temporary Heroku authorization " + authorizationId));
                return;
            }
            failure = "exit " + result.exitCode();
        } catch (Exception e) {
            failure = e.getMessage();
        }
        events.emit(new FerryEvent.Detail("could not delete the temporary Heroku authorization " + authorizationId
                + " (" + failure + "); it expires by itself within 5 minutes"));
    }

    private Optional<HerokuCredential> fromPrompt() {
        Optional<char[]> typed = prompt.askHidden(PROMPT_MESSAGE);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        char[] chars = typed.get();
        try {
            String token = new String(chars).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(HerokuCredential.of(token, TokenSource.PROMPT));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}

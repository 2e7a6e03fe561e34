package dev.ferry.heroku;

/** Where ferry found the Heroku token, in the order it looks. Reported by name; the token itself never is. */
public enum TokenSource {
    /** The HEROKU_API_KEY environment variable. */
    HEROKU_API_KEY("the HEROKU_API_KEY environment variable"),
    /** The HEROKU_AUTH_TOKEN environment variable. */
    HEROKU_AUTH_TOKEN("the HEROKU_AUTH_TOKEN environment variable"),
    /** The API host's entry in ~/.netrc, as `heroku login` writes it. */
    NETRC("~/.netrc"),
    /** A short-lived authorization created through the heroku CLI, deleted when ferry is done. */
    HEROKU_CLI("a 5-minute authorization from the heroku CLI"),
    /** Typed in by the user at a hidden prompt. */
    PROMPT("the token you typed");

    private final String description;

    TokenSource(String description) {
        this.description = description;
    }

    /** Words for the user, e.g. "the HEROKU_API_KEY environment variable". */
    public String description() {
        return description;
    }
}

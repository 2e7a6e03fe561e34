package dev.ferry.cli;

import dev.ferry.data.DataEndpoint;
import dev.ferry.data.heroku.AttachmentName;
import dev.ferry.data.heroku.HerokuSourceResolver;
import java.nio.file.Path;

/**
 * The Heroku side of one `ferry data migrate --from heroku` run: one session for reading (opened on first use, with
 * the token found the usual way), a fresh one for putting the app back after a long copy, and the live source.
 */
final class DataHeroku implements AutoCloseable {

    private final CliContext context;
    private final PrompterHolder prompts;
    private final ConsoleEvents events;
    private final String app;
    private HerokuSession session;

    DataHeroku(CliContext context, PrompterHolder prompts, ConsoleEvents events, String app) {
        this.context = context;
        this.prompts = prompts;
        this.events = events;
        this.app = app;
    }

    String app() {
        return app;
    }

    HerokuSession session() {
        if (session == null) {
            session = HerokuSession.open(context, prompts, events);
        }
        return session;
    }

    /** A session of its own, for the caller to close. */
    HerokuSession freshSession() {
        return HerokuSession.open(context, prompts, events);
    }

    /** The attachment's URL, read live from the API and held in memory only (never printed or stored). */
    DataEndpoint liveSource(AttachmentName attachment) {
        HerokuSourceResolver resolver = new HerokuSourceResolver(session().client(), app, attachment);
        DataEndpoint source = resolver.resolve();
        events.step("Source: " + resolver.varName() + " of \"" + app + "\" (" + source.url().redacted()
                + "), read from the Heroku API with the token from " + session().tokenSource());
        return source;
    }

    HerokuWindow window(Path stateDir) {
        return new HerokuWindow(this::freshSession, events, app, stateDir);
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}

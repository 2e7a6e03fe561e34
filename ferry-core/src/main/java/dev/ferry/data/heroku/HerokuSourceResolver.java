package dev.ferry.data.heroku;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.SourceResolver;
import dev.ferry.heroku.HerokuApiClient;
import java.util.List;
import java.util.Objects;

/**
 * The source of {@code ferry data migrate --from heroku --app NAME [--attachment NAME]}: the attachment's URL
 * (DATABASE_URL, HEROKU_POSTGRESQL_ONYX_URL, REDIS_URL, …) read live from the app's config vars. The URL lives only in
 * the returned endpoint, in memory: it is never written to a snapshot, a state file, an event or a message.
 */
public final class HerokuSourceResolver implements SourceResolver {

    private final HerokuApiClient client;
    private final String appName;
    private final AttachmentName attachment;

    public HerokuSourceResolver(HerokuApiClient client, String appName, AttachmentName attachment) {
        this.client = Objects.requireNonNull(client, "client");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.attachment = Objects.requireNonNull(attachment, "attachment");
    }

    /** The config var read: the attachment's name + {@code _URL}. */
    public String varName() {
        return attachment.configVar();
    }

    @Override
    public DataEndpoint resolve() {
        String url = client.configVar(appName, varName()).filter(value -> !value.isBlank())
                .orElseThrow(this::unknownAttachment);
        return new DataEndpoint(ConnectionUrl.parse(url, "--from heroku: " + appName + " " + varName()), true);
    }

    private FerryException unknownAttachment() {
        List<String> names = client.databaseUrlVarNames(appName);
        String missing = "--attachment: the Heroku app " + appName + " has no attachment " + attachment
                + " (no config var " + varName();
        if (names.isEmpty()) {
            return FerryException.badInput(missing + ") and no database URL in its config vars",
                    "check the app name with `heroku addons -a " + appName + "`");
        }
        return FerryException.badInput(missing + "; its database URLs: " + String.join(", ", names) + ")",
                "give --attachment with one of them (e.g. --attachment " + AttachmentName.withoutVarSuffix(names.get(0)) + ")");
    }
}

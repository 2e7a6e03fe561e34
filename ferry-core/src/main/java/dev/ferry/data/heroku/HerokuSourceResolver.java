package dev.ferry.data.heroku;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.SourceResolver;
import dev.ferry.heroku.HerokuApiClient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The source of {@code ferry data migrate --from heroku --app NAME [--attachment NAME]}: the attachment's URL
 * (DATABASE_URL, HEROKU_POSTGRESQL_ONYX_URL, REDIS_URL, …) read live from the app's config vars. The URL lives only in
 * the returned endpoint, in memory: it is never written to a snapshot, a state file, an event or a message.
 */
public final class HerokuSourceResolver implements SourceResolver {

    /** Heroku's names for attachments and config vars: upper-case letters, digits and underscores. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final HerokuApiClient client;
    private final String appName;
    private final String varName;

    /**
     * @param attachment an attachment name ({@code DATABASE}, {@code HEROKU_POSTGRESQL_ONYX}) or its var
     *                   ({@code DATABASE_URL}); case does not matter
     */
    public HerokuSourceResolver(HerokuApiClient client, String appName, String attachment) {
        this.client = Objects.requireNonNull(client, "client");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.varName = varName(attachment);
    }

    /**
     * The attachment used when none is given, by the one rule: the target's kind. A redis:// or rediss:// target
     * copies from REDIS (REDIS_URL); any other from DATABASE (DATABASE_URL).
     */
    public static String defaultAttachment(ConnectionUrl target) {
        return target.isRedis() ? "REDIS" : "DATABASE";
    }

    /** The config var read: the attachment's name + {@code _URL}. */
    public String varName() {
        return varName;
    }

    @Override
    public DataEndpoint resolve() {
        String url = client.configVar(appName, varName).filter(value -> !value.isBlank())
                .orElseThrow(this::unknownAttachment);
        return new DataEndpoint(ConnectionUrl.parse(url, "--from heroku: " + appName + " " + varName), true);
    }

    private FerryException unknownAttachment() {
        List<String> names = client.databaseUrlVarNames(appName);
        if (names.isEmpty()) {
            return FerryException.badInput("--attachment: the Heroku app " + appName + " has no " + varName
                    + " and no database URL in its config vars", "check the app name with `heroku addons -a "
                    + appName + "`");
        }
        return FerryException.badInput("--attachment: the Heroku app " + appName + " has no " + varName
                        + " (its database URLs: " + String.join(", ", names) + ")",
                "give --attachment with one of them, without _URL (e.g. --attachment "
                        + names.get(0).replaceFirst("_URL$", "") + ")");
    }

    private static String varName(String attachment) {
        String name = attachment.trim().toUpperCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw FerryException.badInput("--attachment: not an attachment name (letters, digits and _)",
                    "e.g. --attachment DATABASE or --attachment HEROKU_POSTGRESQL_ONYX");
        }
        return name.endsWith("_URL") ? name : name + "_URL";
    }
}

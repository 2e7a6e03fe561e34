package dev.ferry.data.heroku;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Heroku add-on attachment's name ({@code DATABASE}, {@code HEROKU_POSTGRESQL_ONYX}, {@code REDIS}), the one rule
 * for reading what a user gives to {@code --attachment}: case does not matter, and the attachment's config var
 * ({@code DATABASE_URL}) names the same attachment. The config var is always the name + {@code _URL}, as Heroku sets
 * it; the add-on is found by the name itself.
 *
 * @param name upper case, without {@code _URL}
 */
public record AttachmentName(String name) {

    /** Heroku's names for attachments and config vars: upper-case letters, digits and underscores. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String VAR_SUFFIX = "_URL";
    // (declared before the constants below, which the constructor checks against them)

    /** The primary Postgres attachment, which Heroku names DATABASE (config var DATABASE_URL). */
    public static final AttachmentName DATABASE = new AttachmentName("DATABASE");
    /** The usual Redis attachment (config var REDIS_URL). */
    public static final AttachmentName REDIS = new AttachmentName("REDIS");

    public AttachmentName {
        if (!NAME.matcher(name).matches() || name.endsWith(VAR_SUFFIX)) {
            throw new IllegalArgumentException("not an attachment name: " + name);
        }
    }

    /**
     * What the user typed: an attachment or its config var, any case.
     *
     * @throws FerryException bad input (one line, naming --attachment) when it is not a name Heroku could have given
     */
    public static AttachmentName parse(String given) {
        String name = withoutVarSuffix(given.trim().toUpperCase(Locale.ROOT));
        if (!NAME.matcher(name).matches()) {
            throw FerryException.badInput("--attachment: not an attachment name (letters, digits and _)",
                    "e.g. --attachment DATABASE or --attachment HEROKU_POSTGRESQL_ONYX");
        }
        return new AttachmentName(name);
    }

    /**
     * The attachment used when none is given, by the target's kind: a redis:// or rediss:// target copies from
     * REDIS; any other from DATABASE.
     */
    public static AttachmentName defaultFor(ConnectionUrl target) {
        return target.isRedis() ? REDIS : DATABASE;
    }

    /** The attachment part of a config var's name, as Heroku shows it: DATABASE_URL → DATABASE. */
    public static String withoutVarSuffix(String configVar) {
        return configVar.toUpperCase(Locale.ROOT).endsWith(VAR_SUFFIX)
                ? configVar.substring(0, configVar.length() - VAR_SUFFIX.length()) : configVar;
    }

    /** The config var that holds the attachment's URL: the name + {@code _URL}. */
    public String configVar() {
        return name + VAR_SUFFIX;
    }

    /** Whether Heroku's name for an attachment (from the Platform API, any case) is this one. */
    public boolean is(String herokuName) {
        return name.equalsIgnoreCase(herokuName);
    }

    /** Whether the name says Redis (REDIS, HEROKU_REDIS_ONYX): the kind is known before any request. */
    public boolean namesRedis() {
        return name.contains("REDIS");
    }

    @Override
    public String toString() {
        return name;
    }
}

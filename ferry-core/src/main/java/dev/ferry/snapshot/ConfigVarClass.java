package dev.ferry.snapshot;

/** What kind of config var a name (and value) is; decided by {@link ConfigVarClassifier}, never elsewhere. */
public enum ConfigVarClass {
    /** An ordinary setting whose value may be written into compose.yaml. */
    PLAIN,
    /** A secret: its value is never stored or written; the target's config store must supply it. */
    SECRET,
    /** Set by Heroku itself (DYNO, PORT, HEROKU_*); dropped, with a note. */
    HEROKU_SET,
    /** Set by an add-on attachment (DATABASE_URL, REDIS_URL, ...); rewired or kept as a secret by the mapping. */
    ADDON_OWNED
}

package dev.ferry.snapshot;

import java.util.Objects;

/**
 * Everything ferry learned about one app, before any decision is taken: the facts from the Heroku Platform API
 * and the facts from the app's source folder. Either side may be absent ({@code --from source} has no Heroku facts;
 * an app collected without a folder has no source facts). The mapping rules read only this value, so a snapshot
 * saved as JSON replays to the same compose file ({@code ferry init --from snapshot}).
 *
 * <p>No secret value is ever held here: config vars carry their name and classification, and a value only when
 * the classification is {@link ConfigVarClass#PLAIN}.
 *
 * @param formatVersion the snapshot's JSON layout version, {@link #FORMAT_VERSION} when written by this build
 * @param appName the Heroku app's name, or for a source folder the app.json name or the folder's name
 * @param heroku facts from the Heroku API, or null
 * @param source facts from the source folder, or null
 */
public record AppSnapshot(int formatVersion, String appName, HerokuFacts heroku, SourceFacts source) {

    public static final int FORMAT_VERSION = 1;

    public AppSnapshot {
        Objects.requireNonNull(appName, "appName");
        if (heroku == null && source == null) {
            throw new IllegalArgumentException("a snapshot needs Heroku facts, source facts or both");
        }
    }

    public static AppSnapshot of(String appName, HerokuFacts heroku, SourceFacts source) {
        return new AppSnapshot(FORMAT_VERSION, appName, heroku, source);
    }
}

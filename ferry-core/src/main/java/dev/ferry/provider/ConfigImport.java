package dev.ferry.provider;

import dev.ferry.heroku.HerokuApiClient;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Copies an app's secret config vars from Heroku straight into a config store; only names come back. */
public final class ConfigImport {

    private ConfigImport() {
    }

    /** @return the names copied, sorted */
    public static SortedSet<String> fromHeroku(HerokuApiClient client, String appName, ConfigStore store) {
        Map<String, String> secrets = client.secretConfigVars(appName);
        if (!secrets.isEmpty()) {
            store.setAll(secrets);
        }
        return new TreeSet<>(secrets.keySet());
    }
}

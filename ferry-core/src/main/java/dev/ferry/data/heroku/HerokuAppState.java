package dev.ferry.data.heroku;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a maintenance window changes on a Heroku app, as it was before: whether maintenance mode was on, and the
 * quantity of each process type other than {@code web} that had dynos. Putting the app back means setting exactly
 * these values again.
 *
 * @param workers process type → dynos it had (only types with at least one dyno; {@code web} is never scaled: the
 *     router already answers it with the maintenance page)
 */
public record HerokuAppState(boolean maintenance, Map<String, Integer> workers) {

    public HerokuAppState {
        workers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(workers)); // a stable order for the batch
    }
}

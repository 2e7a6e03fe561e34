package dev.ferry.provider;

import dev.ferry.FerryException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * A target's store of config values (the bare {@code NAME:} entries of a compose file and the ${NAME} references
 * they feed). Values go in and reach the deployment; they never come out to the user: there is no listing of values,
 * and {@link #get} is for providers only.
 */
public interface ConfigStore {

    Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Sets (or replaces) each value at once: one write for the whole map. */
    void setAll(Map<String, String> values);

    default void set(String name, String value) {
        setAll(Map.of(name, value));
    }

    /** The names held, sorted. */
    SortedSet<String> names();

    /** @return whether the name was there */
    boolean remove(String name);

    /** The value for a deployment; never to be printed. */
    Optional<String> get(String name);

    /** Where the store lives, in words for the user (a path, an account), never a value. */
    String description();

    /** @throws FerryException BAD_INPUT when {@code name} cannot be an environment variable's name */
    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw FerryException.badInput("\"" + name + "\" is not a config name",
                    "use letters, digits and _ (not starting with a digit), e.g. SECRET_KEY_BASE");
        }
        return name;
    }
}

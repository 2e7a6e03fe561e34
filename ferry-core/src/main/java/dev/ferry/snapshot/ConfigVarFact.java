package dev.ferry.snapshot;

import java.util.Objects;

/**
 * A config var as the snapshot keeps it.
 *
 * @param name the variable's name
 * @param classification what kind of variable it is
 * @param value the value, present only for {@link ConfigVarClass#PLAIN}; always null otherwise
 */
public record ConfigVarFact(String name, ConfigVarClass classification, String value) {

    public ConfigVarFact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classification, "classification");
        if (classification != ConfigVarClass.PLAIN && value != null) {
            throw new IllegalArgumentException("only a plain config var may keep its value: " + name);
        }
    }
}

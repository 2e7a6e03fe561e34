package dev.ferry.provider.aws.deploy;

import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * One stack parameter for a create or update: a new value, or the value the stack already has.
 *
 * @param key the parameter's name in the template
 * @param value the new value; null with {@code usePrevious}
 * @param usePrevious keep the stack's current value (UsePreviousValue)
 */
public record StackParameter(String key, String value, boolean usePrevious) {

    public StackParameter {
        Objects.requireNonNull(key, "key");
        if (usePrevious == (value != null)) {
            throw new IllegalArgumentException("a parameter has either a value or UsePreviousValue: " + key);
        }
    }

    public static StackParameter of(String key, String value) {
        return new StackParameter(key, value, false);
    }

    public static StackParameter previous(String key) {
        return new StackParameter(key, null, true);
    }

    Parameter toSdk() {
        return usePrevious ? Parameter.builder().parameterKey(key).usePreviousValue(true).build()
                : Parameter.builder().parameterKey(key).parameterValue(value).build();
    }
}

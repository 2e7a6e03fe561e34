package dev.ferry.provider;

import dev.ferry.FerryException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a deployment spends on resilience; each provider documents what a mode means for it. */
public enum DeploymentMode {
    AFFORDABLE, BALANCED, HIGH_AVAILABILITY;

    /** The name --mode takes, e.g. high_availability. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws FerryException BAD_INPUT naming the modes when {@code text} is none of them */
    public static DeploymentMode parse(String text) {
        for (DeploymentMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(text.replace('-', '_'))) {
                return mode;
            }
        }
        throw FerryException.badInput("unknown mode \"" + text + "\"", "choose one of: "
                + Arrays.stream(values()).map(DeploymentMode::cliName).collect(Collectors.joining(", ")));
    }
}

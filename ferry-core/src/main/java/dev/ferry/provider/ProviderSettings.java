package dev.ferry.provider;

import java.util.Optional;

/**
 * What a cloud target needs beyond the compose file, the same across providers (as Defang's flags are).
 *
 * @param stack the name of this deployment of the project (e.g. beta, production); one project may have several
 * @param mode how much to spend on resilience
 * @param domain the public domain name the app answers on, when the user has one (HTTPS with a certificate)
 */
public record ProviderSettings(String stack, DeploymentMode mode, Optional<String> domain) {

    public static final String DEFAULT_STACK = "beta";

    public ProviderSettings {
        stack = stack == null || stack.isBlank() ? DEFAULT_STACK : stack;
        mode = mode == null ? DeploymentMode.AFFORDABLE : mode;
        domain = domain == null ? Optional.empty() : domain;
    }

    public static ProviderSettings defaults() {
        return new ProviderSettings(DEFAULT_STACK, DeploymentMode.AFFORDABLE, Optional.empty());
    }
}

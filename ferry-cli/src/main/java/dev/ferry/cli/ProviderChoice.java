package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.provider.DeploymentMode;
import dev.ferry.provider.ProviderSettings;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one place --stack, --mode and --domain become {@link ProviderSettings}; shared by compose, config and tail. */
final class ProviderChoice {

    /** A stack name must fit a CloudFormation stack name (ferry-PROJECT-STACK) and an SSM path segment. */
    private static final Pattern STACK = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private ProviderChoice() {
    }

    static ProviderSettings settings(String stack, String mode, String domain) {
        if (stack != null && !STACK.matcher(stack).matches()) {
            throw FerryException.badInput("--stack " + stack + " is not a stack name",
                    "use lower-case letters, digits and -, starting with a letter (e.g. beta, production)");
        }
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw FerryException.badInput("--domain " + domain + " is not a domain name", "e.g. --domain shop.example.com");
        }
        return new ProviderSettings(stack, mode == null ? null : DeploymentMode.parse(mode), Optional.ofNullable(domain));
    }
}

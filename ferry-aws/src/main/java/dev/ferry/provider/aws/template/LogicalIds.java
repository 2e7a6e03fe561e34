package dev.ferry.provider.aws.template;

import java.util.Locale;

/** The one rule from a compose service name to the CloudFormation logical-id stem: web-api → WebApi. */
public final class LogicalIds {

    private LogicalIds() {
    }

    public static String of(String serviceName) {
        StringBuilder id = new StringBuilder();
        boolean upper = true;
        for (char c : serviceName.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
            id.insert(0, "S");
        }
        return id.toString();
    }

    /** The stack parameter that carries a service's image URI, e.g. ImageWeb. */
    public static String imageParameter(String serviceName) {
        return "Image" + of(serviceName);
    }

    /** Lower-case form for names AWS wants in lower case (log streams, discovery names). */
    public static String lower(String serviceName) {
        return serviceName.toLowerCase(Locale.ROOT);
    }
}

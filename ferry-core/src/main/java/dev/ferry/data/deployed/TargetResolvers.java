package dev.ferry.data.deployed;

import dev.ferry.FerryException;
import java.util.List;
import java.util.Map;

/** The one place a --to provider name becomes its resolver. */
public final class TargetResolvers {

    private static final Map<String, TargetResolver> RESOLVERS = Map.of("local", new LocalTargetResolver());

    private TargetResolvers() {
    }

    /** The names --to accepts. */
    public static List<String> names() {
        return RESOLVERS.keySet().stream().sorted().toList();
    }

    public static TargetResolver forProvider(String name) {
        TargetResolver resolver = RESOLVERS.get(name);
        if (resolver == null) {
            throw FerryException.badInput("--to: no target resolver for provider \"" + name + "\"",
                    "use --to " + String.join(" or --to ", names()) + " or --to aws, or give the target's URL with"
                            + " --to-url");
        }
        return resolver;
    }
}

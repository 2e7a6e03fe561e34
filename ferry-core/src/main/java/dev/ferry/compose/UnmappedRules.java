package dev.ferry.compose;

import dev.ferry.Finding;
import dev.ferry.snapshot.AppSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Heroku features that have no place in compose.yaml but that the user must not lose track of: custom domains
 * (DNS must be pointed at the new target) and app.json's one-off scripts (postdeploy runs once after the first
 * deploy on Heroku).
 */
public final class UnmappedRules {

    private UnmappedRules() {
    }

    public static List<Finding> apply(AppSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        if (snapshot.heroku() != null) {
            List<String> custom = snapshot.heroku().domains().stream()
                    .filter(d -> !d.endsWith(".herokuapp.com") && !d.endsWith(".herokudns.com")).sorted().toList();
            if (!custom.isEmpty()) {
                findings.add(Finding.note("custom-domains", "domains " + String.join(", ", custom),
                        "custom domains are not part of compose.yaml: point their DNS at the new target once it"
                                + " serves traffic."));
            }
        }
        if (snapshot.source() != null && snapshot.source().appJson() != null) {
            Map<String, String> scripts = snapshot.source().appJson().scripts();
            if (scripts.containsKey("postdeploy")) {
                findings.add(Finding.warning("postdeploy-script", "app.json script postdeploy",
                        "Heroku runs it once after the first deploy; ferry does not: run it by hand on the target"
                                + " after the first rollout."));
            }
        }
        return findings;
    }
}

package dev.ferry.compose;

import dev.ferry.Finding;
import dev.ferry.compose.AddOnRules.VarFate;
import dev.ferry.compose.ComposeService.EnvEntry;
import dev.ferry.compose.MigrationReport.ConfigVarLine;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.SourceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Config vars → the app services' environment. One row per classification:
 * <ul>
 *   <li>set by an add-on → what {@link AddOnRules} decided (rewired, bare, dropped);</li>
 *   <li>HEROKU_SET (DYNO, PORT, HEROKU_*) → dropped, with one note;</li>
 *   <li>SECRET → bare entry, the value to be set in the target's config store;</li>
 *   <li>PLAIN → inline value, with {@code $} escaped (unless the one classifier now calls it a secret).</li>
 * </ul>
 * Source-only apps take the names from app.json's env: plain defaults inline, generator: secret and values not
 * given → bare entries.
 */
public final class ConfigVarRules {

    /** @param environment entries for every app service, sorted by name; @param lines the report's lines */
    public record Result(List<EnvEntry> environment, List<ConfigVarLine> lines, List<Finding> findings) {}

    private ConfigVarRules() {
    }

    public static Result apply(AppSnapshot snapshot, Map<String, VarFate> addOnFates) {
        Map<String, VarFate> fates = new TreeMap<>();
        if (snapshot.heroku() != null) {
            snapshot.heroku().configVars().forEach(v -> fates.put(v.name(), fromHeroku(v, addOnFates)));
        } else if (snapshot.source().appJson() != null) {
            snapshot.source().appJson().env().forEach(spec -> fates.put(spec.name(), fromAppJson(spec)));
        }
        // vars an attachment sets but the config listing lacks (or app.json does not declare) still get wired
        addOnFates.forEach(fates::putIfAbsent);

        List<EnvEntry> environment = new ArrayList<>();
        List<ConfigVarLine> lines = new ArrayList<>();
        List<String> herokuSet = new ArrayList<>();
        List<String> unowned = new ArrayList<>();
        fates.forEach((name, fate) -> {
            lines.add(new ConfigVarLine(name, fate.outcome(), fate.detail()));
            if (fate.outcome() != Outcome.DROPPED) {
                environment.add(new EnvEntry(name, fate.value()));
            } else if (ConfigVarClassifier.isHerokuSet(name) && !addOnFates.containsKey(name)) {
                herokuSet.add(name);
            }
            if (fate == UNOWNED) {
                unowned.add(name);
            }
        });
        List<Finding> findings = new ArrayList<>();
        if (!herokuSet.isEmpty()) {
            findings.add(Finding.note("config-heroku-set-dropped", "config vars " + String.join(", ", herokuSet),
                    "set by Heroku itself and meaningless elsewhere, so dropped (PORT is set by ferry for web)."));
        }
        if (!unowned.isEmpty()) {
            findings.add(Finding.warning("config-addon-unknown", "config vars " + String.join(", ", unowned),
                    "set by an add-on ferry could not find; kept as bare entries: supply their values."));
        }
        return new Result(environment, lines, findings);
    }

    private static final VarFate UNOWNED = new VarFate(Outcome.NEEDS_VALUE, null,
            "set by an add-on that was not found: supply a value");

    private static VarFate fromHeroku(ConfigVarFact var, Map<String, VarFate> addOnFates) {
        VarFate addOn = addOnFates.get(var.name());
        if (addOn != null) {
            return addOn;
        }
        return switch (var.classification()) {
            case HEROKU_SET -> new VarFate(Outcome.DROPPED, null, "set by Heroku");
            case ADDON_OWNED -> UNOWNED;
            case SECRET -> new VarFate(Outcome.NEEDS_VALUE, null, "secret: set it in the target's config store");
            case PLAIN -> inline(var.name(), var.value(), "plain value");
        };
    }

    private static VarFate fromAppJson(SourceFacts.EnvSpec spec) {
        if (ConfigVarClassifier.isHerokuSet(spec.name())) {
            return new VarFate(Outcome.DROPPED, null, "set by Heroku");
        }
        if ("secret".equals(spec.generator())) {
            return new VarFate(Outcome.NEEDS_VALUE, null, "app.json generates it: set a long random value");
        }
        if (spec.value() != null) {
            return inline(spec.name(), spec.value(), "default from app.json");
        }
        return new VarFate(Outcome.NEEDS_VALUE, null,
                spec.required() ? "required by app.json, no default" : "optional in app.json: set it or delete it");
    }

    /** A plain value goes inline, unless the one secret rule says otherwise (defence in depth). */
    private static VarFate inline(String name, String value, String detail) {
        if (value == null || ConfigVarClassifier.secretReason(name, value).isPresent()) {
            return new VarFate(Outcome.NEEDS_VALUE, null, "secret: set it in the target's config store");
        }
        return new VarFate(Outcome.MIGRATED, ComposeText.literal(value), detail);
    }
}

package dev.ferry.source;

import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.SourceFacts.AppJson;
import dev.ferry.snapshot.SourceFacts.AppJsonEnvironment;
import dev.ferry.snapshot.SourceFacts.EnvSpec;
import dev.ferry.snapshot.SourceFacts.FormationSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads app.json as leniently as Heroku does: env entries as objects or as the Dev Center shorthand
 * {@code "X": "value"}, add-ons as strings or {@code {"plan": ...}} objects, unknown keys ignored. A default value
 * that looks secret is dropped here, so it never reaches a snapshot.
 */
public final class AppJsonReader {

    private static final String REFERENCE = "https://devcenter.heroku.com/articles/app-json-schema";

    private AppJsonReader() {
    }

    /** Parses app.json; {@code fileName} is used in error messages. */
    public static AppJson parse(String json, String fileName) {
        ManifestNode root = JsonManifest.parse(json, new ManifestNode.Source(fileName, REFERENCE));
        return new AppJson(root.textOf("name"), env(root.field("env")),
                formation(root.field("formation")), addons(root.field("addons")), scripts(root.field("scripts")),
                buildpacks(root.field("buildpacks")), root.textOf("stack"),
                environments(root.field("environments")));
    }

    private static List<EnvSpec> env(ManifestNode env) {
        List<EnvSpec> specs = new ArrayList<>();
        if (env != null) {
            env.fields().forEach((name, spec) -> specs.add(envSpec(name, spec)));
        }
        specs.sort(Comparator.comparing(EnvSpec::name));
        return specs;
    }

    private static EnvSpec envSpec(String name, ManifestNode spec) {
        if (spec.isScalar()) {
            String value = spec.kind() == ManifestNode.Kind.NULL ? null : spec.text();
            return new EnvSpec(name, true, withoutSecret(name, value), null, null);
        }
        ManifestNode required = spec.field("required");
        return new EnvSpec(name, required == null || required.bool(),
                withoutSecret(name, spec.textOf("value")), spec.textOf("generator"), spec.textOf("description"));
    }

    /** The one place a default value is checked: one that looks like a credential is not kept. */
    private static String withoutSecret(String name, String value) {
        return value == null || ConfigVarClassifier.secretReason(name, value).isPresent() ? null : value;
    }

    private static Map<String, FormationSpec> formation(ManifestNode formation) {
        Map<String, FormationSpec> specs = new LinkedHashMap<>();
        if (formation != null) {
            formation.fields().forEach((type, spec) -> {
                ManifestNode quantity = spec.field("quantity");
                specs.put(type, new FormationSpec(quantity == null ? null : quantity.wholeNumber(),
                        spec.textOf("size")));
            });
        }
        return specs;
    }

    /** "heroku-postgresql:essential-0" or {"plan": "heroku-postgresql:essential-0", "as": "DATABASE"}. */
    private static List<String> addons(ManifestNode addons) {
        List<String> plans = new ArrayList<>();
        if (addons != null) {
            for (ManifestNode addon : addons.items()) {
                plans.add(addon.isScalar() ? addon.text() : addon.require("plan").text());
            }
        }
        return plans;
    }

    private static List<String> buildpacks(ManifestNode buildpacks) {
        List<String> urls = new ArrayList<>();
        if (buildpacks != null) {
            buildpacks.items().forEach(buildpack -> urls.add(buildpack.require("url").text()));
        }
        return urls;
    }

    private static Map<String, String> scripts(ManifestNode scripts) {
        Map<String, String> commands = new LinkedHashMap<>();
        if (scripts != null) {
            scripts.fields().keySet().forEach(name -> {
                String command = scripts.textOf(name);
                if (command != null) {
                    commands.put(name, command);
                }
            });
        }
        return commands;
    }

    private static Map<String, AppJsonEnvironment> environments(ManifestNode environments) {
        Map<String, AppJsonEnvironment> result = new LinkedHashMap<>();
        if (environments != null) {
            environments.fields().forEach((name, environment) -> result.put(name, new AppJsonEnvironment(
                    addons(environment.field("addons")), scripts(environment.field("scripts")),
                    formation(environment.field("formation")))));
        }
        return result;
    }
}

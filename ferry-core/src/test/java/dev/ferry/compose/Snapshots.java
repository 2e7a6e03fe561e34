package dev.ferry.compose;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.snapshot.SourceFacts;
import java.util.List;
import java.util.Map;

/** Small snapshots for the rule tests. */
final class Snapshots {

    private Snapshots() {
    }

    static AppSnapshot heroku(List<FormationEntry> formation, Map<String, String> slug, List<AddOnFact> addOns,
                              List<ConfigVarFact> config) {
        return AppSnapshot.of("my-app", new HerokuFacts(
                new HerokuFacts.AppInfo("my-app", "heroku-24", "us", List.of(), "cedar"),
                formation, slug, List.of(), addOns, config, List.of()), null);
    }

    static AppSnapshot herokuAddOns(AddOnFact... addOns) {
        return heroku(List.of(new FormationEntry("web", "bin/web", 1, "Basic")), Map.of(), List.of(addOns),
                List.of());
    }

    static AddOnFact addOn(String service, String name, String version, String... attachmentVars) {
        List<AttachmentFact> attachments = java.util.Arrays.stream(attachmentVars)
                .map(v -> new AttachmentFact(v.replaceAll("_URL$", ""), List.of(v))).toList();
        return new AddOnFact("id-" + name, name, service, service + ":plan-1", "my-app", attachments, version);
    }

    static AppSnapshot source(List<SourceFacts.ProcfileEntry> procfile, SourceFacts.AppJson appJson,
                              SourceFacts.HerokuYml herokuYml) {
        return AppSnapshot.of("my-app", null, new SourceFacts(procfile, appJson, herokuYml, List.of()));
    }

    static SourceFacts.AppJson appJson(List<SourceFacts.EnvSpec> env, List<String> addons,
                                       Map<String, SourceFacts.FormationSpec> formation) {
        return new SourceFacts.AppJson("my-app", env, formation, addons, Map.of(), List.of(), null, Map.of());
    }
}

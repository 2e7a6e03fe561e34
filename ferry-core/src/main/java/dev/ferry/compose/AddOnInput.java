package dev.ferry.compose;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.SourceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An add-on as {@link AddOnRules} sees it, whether the Heroku API listed it (with its attachments' config vars and
 * version) or only app.json / heroku.yml name it (then the catalog says which vars it sets).
 */
record AddOnInput(String service, String name, String plan, String ownerApp, List<String> attachmentNames,
                  List<String> configVars, String version, String databaseName, boolean fromSource) {

    /**
     * The app's add-ons: from the API when there are Heroku facts; else app.json's add-ons, its production
     * environment's and heroku.yml's setup.addons, once per add-on service.
     */
    static List<AddOnInput> of(AppSnapshot snapshot) {
        List<AddOnInput> inputs = new ArrayList<>();
        if (snapshot.heroku() != null) {
            for (HerokuFacts.AddOnFact fact : snapshot.heroku().addOns()) {
                TreeSet<String> vars = new TreeSet<>();
                fact.attachments().forEach(a -> vars.addAll(a.configVarNames()));
                inputs.add(new AddOnInput(fact.service(), fact.name(), fact.plan(), fact.ownerApp(),
                        fact.attachments().stream().map(HerokuFacts.AttachmentFact::name).toList(),
                        List.copyOf(vars), fact.version(), fact.databaseName(), false));
            }
            return inputs;
        }
        SourceFacts source = snapshot.source();
        List<String> plans = new ArrayList<>();
        if (source.appJson() != null) {
            plans.addAll(source.appJson().addons());
            SourceFacts.AppJsonEnvironment production = source.appJson().environments().get("production");
            if (production != null) {
                plans.addAll(production.addons());
            }
        }
        if (source.herokuYml() != null) {
            plans.addAll(source.herokuYml().setupAddons());
        }
        Map<String, String> byService = new TreeMap<>();
        plans.forEach(plan -> byService.putIfAbsent(plan.split(":", 2)[0].trim(), plan));
        byService.forEach((service, plan) -> {
            List<String> vars = AddOnCatalog.lookup(service).knownConfigVars();
            inputs.add(new AddOnInput(service, null, plan.contains(":") ? plan : null, null, List.of(),
                    vars, null, null, true));
        });
        return inputs;
    }
}

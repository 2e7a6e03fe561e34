package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.ProcessRules.ProcessType;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.snapshot.SourceFacts.FormationSpec;
import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRulesTest {

    @Test
    void collect_formationAndSlug_releaseFromSlugQuantitiesFromFormation() {
        var result = ProcessRules.collect(Snapshots.heroku(
                List.of(new FormationEntry("web", "bin/web", 2, "Standard-1X"),
                        new FormationEntry("worker", "bin/worker", 0, "Standard-1X")),
                Map.of("release", "bin/migrate", "web", "bin/web", "worker", "bin/worker"), List.of(), List.of()));
        assertThat(result.processes()).containsExactly(
                new ProcessType("release", "bin/migrate", null, null, "Heroku"),
                new ProcessType("web", "bin/web", 2, "Standard-1X", "Heroku"),
                new ProcessType("worker", "bin/worker", 0, "Standard-1X", "Heroku"));
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void collect_procfileAndAppJson_quantityAndSizeFromAppJsonElseOne() {
        var appJson = Snapshots.appJson(List.of(), List.of(), Map.of("worker", new FormationSpec(3, "standard-2x")));
        var result = ProcessRules.collect(Snapshots.source(List.of(new ProcfileEntry("web", "node web.js", 1),
                new ProcfileEntry("worker", "node worker.js", 2)), appJson, null));
        assertThat(result.processes()).containsExactly(
                new ProcessType("web", "node web.js", 1, null, "Procfile"),
                new ProcessType("worker", "node worker.js", 3, "standard-2x", "Procfile"));
    }

    @Test
    void collect_herokuYml_runReleaseAndDockerOnlyTypes() {
        var yml = new SourceFacts.HerokuYml(List.of(), Map.of("web", "Dockerfile", "worker", "worker/Dockerfile"),
                List.of(), "./migrate.sh", null, Map.of("web", "bundle exec puma"));
        var result = ProcessRules.collect(Snapshots.source(null, null, yml));
        assertThat(result.processes()).extracting(ProcessType::type, ProcessType::command).containsExactly(
                org.assertj.core.groups.Tuple.tuple("release", "./migrate.sh"),
                org.assertj.core.groups.Tuple.tuple("web", "bundle exec puma"),
                org.assertj.core.groups.Tuple.tuple("worker", null));
    }

    @Test
    void collect_sourceAndHerokuDisagree_findingForEachDifference() {
        AppSnapshot snapshot = AppSnapshot.of("my-app", Snapshots.heroku(
                        List.of(new FormationEntry("web", "npm start", 1, "Basic"),
                                new FormationEntry("clock", "node clock.js", 1, "Basic")),
                        Map.of(), List.of(), List.of()).heroku(),
                new SourceFacts(List.of(new ProcfileEntry("web", "node server.js", 1),
                        new ProcfileEntry("extra", "node extra.js", 2)), null, null, List.of()));
        var result = ProcessRules.collect(snapshot);
        assertThat(result.findings()).extracting(Finding::code, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("process-not-in-source", "process clock"),
                org.assertj.core.groups.Tuple.tuple("process-not-on-heroku", "process extra"),
                org.assertj.core.groups.Tuple.tuple("process-command-differs", "process web"));
        assertThat(result.processes()).filteredOn(p -> p.type().equals("web")).singleElement()
                .extracting(ProcessType::command).isEqualTo("npm start");
    }

    @Test
    void collect_sameCommandDifferentSpacing_noFinding() {
        AppSnapshot snapshot = AppSnapshot.of("my-app", Snapshots.heroku(
                        List.of(new FormationEntry("web", "npm  start", 1, "Basic")), Map.of(), List.of(), List.of())
                        .heroku(),
                new SourceFacts(List.of(new ProcfileEntry("web", "npm start ", 1)), null, null, List.of()));
        assertThat(ProcessRules.collect(snapshot).findings()).isEmpty();
    }

    @Test
    void collect_nothingDeclared_noProcessesWarning() {
        var result = ProcessRules.collect(Snapshots.source(null, null, null));
        assertThat(result.processes()).isEmpty();
        assertThat(result.findings()).extracting(Finding::code).containsExactly("no-processes");
    }
}

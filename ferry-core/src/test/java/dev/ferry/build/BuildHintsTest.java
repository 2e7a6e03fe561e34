package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.SourceFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildHintsTest {

    @Test
    void read_procfileWithCommentsAndBlankLines_processTypesInOrder() {
        BuildHints hints = BuildHints.read(SourceTree.of(Map.of("Procfile",
                "# comment\nrelease: rake db:migrate\n\nweb: bundle exec puma -p $PORT  \nworker: sidekiq\n")));
        assertThat(hints.processes()).containsExactly(new ProcessType("release", "rake db:migrate"),
                new ProcessType("web", "bundle exec puma -p $PORT"), new ProcessType("worker", "sidekiq"));
        assertThat(hints.mainProcess()).contains(new ProcessType("web", "bundle exec puma -p $PORT"));
    }

    @Test
    void mainProcess_noWeb_firstProcessType() {
        BuildHints hints = BuildHints.read(SourceTree.of(Map.of("Procfile", "worker: node worker.js\n")));
        assertThat(hints.mainProcess()).contains(new ProcessType("worker", "node worker.js"));
    }

    @Test
    void read_appJsonBuildpacks_urlsInOrder() {
        BuildHints hints = BuildHints.read(SourceTree.of(Map.of("app.json",
                "{\"buildpacks\": [{\"url\": \"heroku/nodejs\"}, {\"url\": \"heroku/ruby\"}]}")));
        assertThat(hints.buildpacks()).containsExactly("heroku/nodejs", "heroku/ruby");
    }

    @Test
    void read_herokuYmlLanguages_buildpackNames() {
        BuildHints hints = BuildHints.read(SourceTree.of(Map.of("heroku.yml", "build:\n  languages:\n    - go\n")));
        assertThat(hints.buildpacks()).containsExactly("heroku/go");
    }

    @Test
    void read_brokenAppJson_noHints() {
        assertThat(BuildHints.read(SourceTree.of(Map.of("app.json", "{ nope"))).buildpacks()).isEmpty();
    }

    @Test
    void of_snapshotWithProcfileAndAppJson_hintsFromBoth() {
        SourceFacts source = new SourceFacts(List.of(new SourceFacts.ProcfileEntry("web", "node server.js", 1)),
                new SourceFacts.AppJson("app", List.of(), Map.of(), List.of(), Map.of(), List.of("heroku/nodejs"),
                        null, Map.of()), null, List.of("package.json"));
        BuildHints hints = BuildHints.of(AppSnapshot.of("app", null, source));
        assertThat(hints.buildpacks()).containsExactly("heroku/nodejs");
        assertThat(hints.processes()).containsExactly(new ProcessType("web", "node server.js"));
    }
}

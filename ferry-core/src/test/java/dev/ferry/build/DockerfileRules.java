package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The properties every Dockerfile ferry writes must have, checked on every golden plan. */
final class DockerfileRules {

    private DockerfileRules() {
    }

    static void assertFollowsConventions(ServiceBuildPlan plan) {
        String text = plan.dockerfile();
        List<String> lines = text.lines().toList();
        String runtimeStage = text.substring(text.lastIndexOf("\nFROM "));
        assertThat(lines).as("no build arguments: nothing from config vars can enter a layer")
                .noneMatch(l -> l.startsWith("ARG "));
        assertThat(runtimeStage).as("curl for ferry's web healthcheck").contains("curl");
        assertThat(runtimeStage).as("a non-root user").contains("useradd").contains("\nUSER 10001\n");
        assertThat(runtimeStage.lines()).as("$PORT with Heroku's default, set by an ENV of the runtime stage")
                .anyMatch(l -> l.matches("ENV (.+ )?PORT=5000( .+)?"));
        assertThat(lines).as("one start command").filteredOn(l -> l.startsWith("CMD ")).hasSize(1);
        assertThat(plan.baseImages()).as("base images are the FROM images").isNotEmpty()
                .allMatch(image -> text.contains("FROM " + image) || text.contains("--from=" + image));
        if (plan.language() != Language.STATIC) {
            boolean explained = plan.findings().stream().anyMatch(f -> f.code().endsWith("workspaces")
                    || f.code().endsWith("no-lockfile") || f.code().endsWith("multi-module"));
            int manifests = indexOf(lines, "COPY (?!--from)(?!(--chown=\\S+ )?\\. \\.).* \\./?");
            int source = indexOf(lines, "COPY (--chown=\\S+ )?\\. \\.");
            assertThat(explained || manifests < source).as("dependency manifests are copied (and installed) before"
                    + " the source, so a code-only change keeps the dependency layer").isTrue();
        }
    }

    private static int indexOf(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}

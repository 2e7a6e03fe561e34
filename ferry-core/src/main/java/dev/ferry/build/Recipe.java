package dev.ferry.build;

import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How one language is built: version, Dockerfile and default start command. One implementation per language. */
interface Recipe {

    /** What a recipe produces; the planner adds detection and process types to make a {@link ServiceBuildPlan}. */
    record Result(VersionChoice version, DockerfileText dockerfile, List<Finding> findings) {}

    Result plan(Context context);

    /**
     * What a recipe is given.
     *
     * @param service the compose service, for messages
     * @param tree the build context
     * @param detection the detector's decision (main language, languages also installed)
     * @param procfileStart the Procfile's web (or first) command, or empty when there is no Procfile
     */
    record Context(String service, SourceTree tree, Detection detection, Optional<String> procfileStart) {

        /** The Procfile's command, else the recipe's default, else a command that explains and fails. */
        String start(Optional<String> languageDefault, List<Finding> findings) {
            if (procfileStart.isPresent()) {
                return procfileStart.get();
            }
            if (languageDefault.isPresent()) {
                findings.add(Finding.note("start-command-default", "service " + service,
                        "no Procfile: the image starts with `" + languageDefault.get()
                                + "`, as Heroku's " + detection.language().id() + " buildpack would."));
                return languageDefault.get();
            }
            findings.add(Finding.warning("start-command-missing", "service " + service,
                    "no Procfile and no default start command for " + detection.language().id()
                            + "; set command: for the service in compose.yaml."));
            return Conventions.missingStartCommand(service);
        }

        List<Finding> newFindings() {
            return new ArrayList<>();
        }
    }
}

package dev.ferry.snapshot;

import java.util.List;
import java.util.Map;

/**
 * What the app's source folder declares: Procfile, app.json, heroku.yml and which language files exist.
 *
 * @param procfile the Procfile's process types in file order, or null when there is no Procfile
 * @param appJson app.json, or null
 * @param herokuYml heroku.yml, or null
 * @param languageFiles names (relative to the folder, '/' separated) of the files that reveal the language, sorted:
 *     Gemfile, package.json, requirements.txt, pom.xml, go.mod, composer.json, ...
 */
public record SourceFacts(List<ProcfileEntry> procfile, AppJson appJson, HerokuYml herokuYml,
                          List<String> languageFiles) {

    public SourceFacts {
        procfile = procfile == null ? null : List.copyOf(procfile);
        languageFiles = List.copyOf(languageFiles);
    }

    /** One Procfile line: {@code type: command}, with its line number for messages. */
    public record ProcfileEntry(String type, String command, int line) {}

    /**
     * app.json, as far as migration needs it.
     *
     * @param name the app's name, or null
     * @param env declared env vars by name, sorted by name (secret-looking defaults are dropped by the reader)
     * @param formation process type to its declared quantity and size
     * @param addons add-on plans, e.g. heroku-postgresql:essential-0 or heroku-redis
     * @param scripts e.g. postdeploy, pr-predestroy
     * @param buildpacks buildpack URLs in order
     * @param stack the declared stack, or null
     * @param environments named environments (test, review, production) with their own add-ons and scripts
     */
    public record AppJson(String name, List<EnvSpec> env, Map<String, FormationSpec> formation,
                          List<String> addons, Map<String, String> scripts, List<String> buildpacks,
                          String stack, Map<String, AppJsonEnvironment> environments) {
        public AppJson {
            env = List.copyOf(env);
            formation = Map.copyOf(formation);
            addons = List.copyOf(addons);
            scripts = Map.copyOf(scripts);
            buildpacks = List.copyOf(buildpacks);
            environments = Map.copyOf(environments);
        }
    }

    /**
     * One app.json env entry.
     *
     * @param name the variable's name
     * @param required app.json's required flag (true when absent, as Heroku reads it)
     * @param value the default value, null when absent or when it looks secret
     * @param generator "secret" when Heroku generates the value
     * @param description the description, or null
     */
    public record EnvSpec(String name, boolean required, String value, String generator, String description) {}

    /** app.json formation entry: quantity and size, either may be null. */
    public record FormationSpec(Integer quantity, String size) {}

    /** One of app.json's environments. */
    public record AppJsonEnvironment(List<String> addons, Map<String, String> scripts,
                                     Map<String, FormationSpec> formation) {
        public AppJsonEnvironment {
            addons = List.copyOf(addons);
            scripts = Map.copyOf(scripts);
            formation = Map.copyOf(formation);
        }
    }

    /**
     * heroku.yml (a container app's manifest).
     *
     * @param setupAddons add-on plans under setup.addons
     * @param buildDocker build.docker: process type to Dockerfile path
     * @param buildLanguages build.languages (the unofficial buildpack form)
     * @param releaseCommand release.command joined with spaces, or null
     * @param releaseImage release.image, or null
     * @param run run: process type to command
     */
    public record HerokuYml(List<String> setupAddons, Map<String, String> buildDocker, List<String> buildLanguages,
                            String releaseCommand, String releaseImage, Map<String, String> run) {
        public HerokuYml {
            setupAddons = List.copyOf(setupAddons);
            buildDocker = Map.copyOf(buildDocker);
            buildLanguages = List.copyOf(buildLanguages);
            run = Map.copyOf(run);
        }
    }
}

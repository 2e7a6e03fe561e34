package dev.ferry.source;

import dev.ferry.snapshot.SourceFacts.HerokuYml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads heroku.yml, the manifest of an app on Heroku's container stack: the add-ons it sets up, the Dockerfile of
 * each process type, the release command and the run commands. Sections ferry does not use (setup.config,
 * build.config) are not read, so their values are never held.
 */
public final class HerokuYmlReader {

    private static final String REFERENCE = "https://devcenter.heroku.com/articles/build-docker-images-heroku-yml";

    private HerokuYmlReader() {
    }

    /** Parses heroku.yml; {@code fileName} is used in error messages. */
    public static HerokuYml parse(String yaml, String fileName) {
        ManifestNode root = YamlManifest.parse(yaml, new ManifestNode.Source(fileName, REFERENCE));
        ManifestNode releaseCommand = root.at("release", "command");
        ManifestNode releaseImage = root.at("release", "image");
        return new HerokuYml(setupAddons(root.at("setup", "addons")), dockerfiles(root.at("build", "docker")),
                texts(root.at("build", "languages")), releaseCommand == null ? null : command(releaseCommand),
                releaseImage == null ? null : releaseImage.text(), run(root.field("run")));
    }

    /** setup.addons: [{plan: heroku-postgresql, as: DATABASE}]; a bare plan string is accepted too. */
    private static List<String> setupAddons(ManifestNode addons) {
        List<String> plans = new ArrayList<>();
        if (addons != null) {
            addons.items().forEach(addon -> plans.add(addon.isScalar() ? addon.text() : addon.require("plan").text()));
        }
        return plans;
    }

    private static Map<String, String> dockerfiles(ManifestNode docker) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (docker != null) {
            docker.fields().forEach((type, path) -> paths.put(type, path.text()));
        }
        return paths;
    }

    private static List<String> texts(ManifestNode list) {
        List<String> texts = new ArrayList<>();
        if (list != null) {
            list.items().forEach(item -> texts.add(item.text()));
        }
        return texts;
    }

    /** run: {web: "cmd"}, {web: ["cmd", "arg"]} or {web: {command: [...], image: web}}. */
    private static Map<String, String> run(ManifestNode run) {
        Map<String, String> commands = new LinkedHashMap<>();
        if (run != null) {
            run.fields().forEach((type, process) -> commands.put(type,
                    command(process.kind() == ManifestNode.Kind.OBJECT ? process.require("command") : process)));
        }
        return commands;
    }

    /** A command as a string or as a list of words, joined with spaces as Heroku runs it. */
    private static String command(ManifestNode command) {
        String text = command.kind() == ManifestNode.Kind.LIST ? String.join(" ", texts(command)) : command.text();
        if (text.isBlank()) {
            throw command.invalid("is an empty command");
        }
        return text.strip();
    }
}

package dev.ferry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.SourceFacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What Heroku tells the planner beyond the files: the buildpacks the app was built with (names or URLs, in Heroku's
 * order, the last one being the one that decides the default process types) and the Procfile's process types.
 *
 * @param buildpacks buildpack names or URLs in order; empty when unknown
 * @param processes the Procfile's process types in file order; empty when there is no Procfile
 */
public record BuildHints(List<String> buildpacks, List<ProcessType> processes) {

    /** "type: command"; process type names are what Heroku accepts. */
    private static final Pattern PROCFILE_LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+?)\\s*$");

    public static final BuildHints NONE = new BuildHints(List.of(), List.of());

    public BuildHints {
        buildpacks = List.copyOf(buildpacks);
        processes = List.copyOf(processes);
    }

    /** The web process, or else the first process type, or empty. */
    public Optional<ProcessType> mainProcess() {
        return processes.stream().filter(p -> p.type().equals("web")).findFirst()
                .or(() -> processes.stream().findFirst());
    }

    /**
     * Reads the hints from a build context: its Procfile, app.json's buildpacks and heroku.yml's build.languages.
     * Unreadable files give no hints rather than an error: the planner can still detect the language.
     */
    public static BuildHints read(SourceTree tree) {
        List<String> buildpacks = new ArrayList<>(tree.read("app.json").map(BuildHints::appJsonBuildpacks)
                .orElse(List.of()));
        if (buildpacks.isEmpty()) {
            buildpacks.addAll(tree.read("heroku.yml").map(BuildHints::herokuYmlLanguages).orElse(List.of()));
        }
        List<ProcessType> processes = tree.read("Procfile").map(BuildHints::procfile).orElse(List.of());
        return new BuildHints(buildpacks, processes);
    }

    /** The hints recorded in a snapshot: the API's buildpacks (else app.json's) and the Procfile (else the slug's). */
    public static BuildHints of(AppSnapshot snapshot) {
        List<String> buildpacks = List.of();
        List<ProcessType> processes = new ArrayList<>();
        if (snapshot.heroku() != null && !snapshot.heroku().app().buildpacks().isEmpty()) {
            buildpacks = snapshot.heroku().app().buildpacks();
        } else if (snapshot.source() != null && snapshot.source().appJson() != null) {
            buildpacks = snapshot.source().appJson().buildpacks();
        }
        SourceFacts source = snapshot.source();
        if (source != null && source.procfile() != null) {
            source.procfile().forEach(e -> processes.add(new ProcessType(e.type(), e.command())));
        } else if (snapshot.heroku() != null) {
            snapshot.heroku().releaseProcessTypes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> processes.add(new ProcessType(e.getKey(), e.getValue())));
        }
        return new BuildHints(buildpacks, processes);
    }

    static List<ProcessType> procfile(String text) {
        List<ProcessType> processes = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            Matcher m = PROCFILE_LINE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                processes.add(new ProcessType(m.group(1), m.group(2)));
            }
        }
        return processes;
    }

    private static List<String> appJsonBuildpacks(String text) {
        try {
            JsonNode buildpacks = new ObjectMapper().readTree(text).path("buildpacks");
            List<String> urls = new ArrayList<>();
            buildpacks.forEach(b -> urls.add(b.isTextual() ? b.asText() : b.path("url").asText()));
            urls.removeIf(String::isBlank);
            return urls;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> herokuYmlLanguages(String text) {
        try {
            Object yaml = new Load(LoadSettings.builder().build()).loadFromString(text);
            if (yaml instanceof Map<?, ?> root && root.get("build") instanceof Map<?, ?> build
                    && build.get("languages") instanceof List<?> languages) {
                return languages.stream().map(l -> "heroku/" + l).toList();
            }
        } catch (RuntimeException e) {
            // a broken heroku.yml is the compose mapper's to report; here it only means no hint
        }
        return List.of();
    }
}

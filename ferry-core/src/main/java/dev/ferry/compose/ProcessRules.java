package dev.ferry.compose;

import dev.ferry.Finding;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.SourceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which process types the app has, with command, dyno count and size, from the Heroku facts (formation, then the
 * release's slug process_types) and the source folder (Procfile, then heroku.yml run/release, sizes and counts
 * from app.json). When both sides are known, Heroku's is what runs today and wins; every disagreement is a finding.
 */
public final class ProcessRules {

    /** The release phase's process type. */
    public static final String RELEASE = "release";
    /** The process type that receives HTTP traffic. */
    public static final String WEB = "web";

    /**
     * One process type to migrate.
     *
     * @param type the Heroku process type, as written
     * @param command the command line, or null for the image's own (heroku.yml without run)
     * @param quantity dyno count; null for release
     * @param size dyno size name, or null when unknown
     * @param origin where it was found, for comments and the report, e.g. {@code Heroku}, {@code Procfile}
     */
    public record ProcessType(String type, String command, Integer quantity, String size, String origin) {
        public boolean isRelease() {
            return RELEASE.equals(type);
        }

        public boolean isWeb() {
            return WEB.equals(type);
        }
    }

    /** The process types, sorted by type, and what the rules found on the way. */
    public record Result(List<ProcessType> processes, List<Finding> findings) {}

    /** Dyno count when the source declares a process but nothing says how many: one, so it runs. */
    static final int SOURCE_DEFAULT_QUANTITY = 1;

    private ProcessRules() {
    }

    public static Result collect(AppSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> source = sourceCommands(snapshot.source());
        String sourceName = sourceName(snapshot.source());
        List<ProcessType> processes = new ArrayList<>();
        if (snapshot.heroku() == null) {
            source.forEach((type, command) ->
                    processes.add(fromSource(type, command, snapshot.source(), sourceName)));
        } else {
            HerokuFacts heroku = snapshot.heroku();
            Map<String, String> herokuCommands = new TreeMap<>(heroku.releaseProcessTypes());
            Map<String, HerokuFacts.FormationEntry> formation = new TreeMap<>();
            for (HerokuFacts.FormationEntry entry : heroku.formation()) {
                formation.put(entry.type(), entry);
                if (entry.command() != null && !entry.command().isBlank()) {
                    herokuCommands.put(entry.type(), entry.command());
                }
            }
            TreeSet<String> types = new TreeSet<>(herokuCommands.keySet());
            types.addAll(formation.keySet());
            types.addAll(source.keySet());
            boolean sourceDeclares = !source.isEmpty();
            for (String type : types) {
                boolean onHeroku = herokuCommands.containsKey(type) || formation.containsKey(type);
                if (!onHeroku) {
                    findings.add(Finding.warning("process-not-on-heroku", "process " + type,
                            sourceName + " declares process \"" + type + "\" but the Heroku app does not run it;"
                                    + (RELEASE.equals(type) ? " it is included as the release phase"
                                    : " it is included with " + quantityOf(type, snapshot.source()) + " replica(s)")
                                    + ": remove it from compose.yaml if it is not released yet."));
                    processes.add(fromSource(type, source.get(type), snapshot.source(), sourceName));
                    continue;
                }
                if (sourceDeclares && !source.containsKey(type)) {
                    findings.add(Finding.warning("process-not-in-source", "process " + type,
                            "the Heroku app runs process \"" + type + "\" but " + sourceName
                                    + " does not declare it; it is kept as Heroku runs it."));
                } else if (sourceDeclares && differ(source.get(type), herokuCommands.get(type))) {
                    findings.add(Finding.warning("process-command-differs", "process " + type,
                            "the command of \"" + type + "\" in " + sourceName + " differs from the one Heroku runs;"
                                    + " compose.yaml uses Heroku's: edit it if the folder is newer."));
                }
                HerokuFacts.FormationEntry entry = formation.get(type);
                Integer quantity = RELEASE.equals(type) ? null : entry == null ? 0 : entry.quantity();
                processes.add(new ProcessType(type, herokuCommands.get(type), quantity,
                        entry == null ? null : entry.size(), "Heroku"));
            }
        }
        processes.sort(java.util.Comparator.comparing(ProcessType::type));
        if (processes.isEmpty()) {
            findings.add(Finding.warning("no-processes", "app " + snapshot.appName(),
                    "no process type was found (no formation, Procfile or heroku.yml run section);"
                            + " add the services to compose.yaml by hand."));
        }
        return new Result(List.copyOf(processes), List.copyOf(findings));
    }

    /** Procfile first, then heroku.yml's run and release for the types the Procfile does not name. */
    static Map<String, String> sourceCommands(SourceFacts source) {
        Map<String, String> commands = new TreeMap<>();
        if (source == null) {
            return commands;
        }
        if (source.procfile() != null) {
            source.procfile().forEach(entry -> commands.putIfAbsent(entry.type(), entry.command()));
        }
        if (source.herokuYml() != null) {
            source.herokuYml().run().forEach(commands::putIfAbsent);
            source.herokuYml().buildDocker().keySet().forEach(type -> {
                if (!commands.containsKey(type)) {
                    commands.put(type, null);
                }
            });
            if (source.herokuYml().releaseCommand() != null) {
                commands.putIfAbsent(RELEASE, source.herokuYml().releaseCommand());
            }
        }
        return commands;
    }

    private static ProcessType fromSource(String type, String command, SourceFacts source, String sourceName) {
        if (RELEASE.equals(type)) {
            return new ProcessType(type, command, null, null, sourceName);
        }
        SourceFacts.FormationSpec spec = formationSpec(type, source);
        return new ProcessType(type, command, quantityOf(type, source), spec == null ? null : spec.size(),
                sourceName);
    }

    private static int quantityOf(String type, SourceFacts source) {
        SourceFacts.FormationSpec spec = formationSpec(type, source);
        return spec != null && spec.quantity() != null ? spec.quantity() : SOURCE_DEFAULT_QUANTITY;
    }

    private static SourceFacts.FormationSpec formationSpec(String type, SourceFacts source) {
        return source == null || source.appJson() == null ? null : source.appJson().formation().get(type);
    }

    private static String sourceName(SourceFacts source) {
        if (source == null) {
            return "the source folder";
        }
        if (source.procfile() != null) {
            return "Procfile";
        }
        return source.herokuYml() != null ? "heroku.yml" : "the source folder";
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !normalise(a).equals(normalise(b));
    }

    private static String normalise(String command) {
        return command.trim().replaceAll("\\s+", " ");
    }
}

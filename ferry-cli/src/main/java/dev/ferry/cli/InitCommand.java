package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuSnapshotCollector;
import dev.ferry.init.InitResult;
import dev.ferry.init.InitWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry init}: write a compose.yaml for a Heroku app, for review. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Generate a compose.yaml (and ferry-migration.md) from a Heroku app.",
                "",
                "Interactive on a terminal: pick \"Migrate from Heroku\" and the app from a list.",
                "Non-interactive:",
                "  ferry init --from heroku --app NAME [--source DIR]",
                "  ferry init --from source DIR        (no Heroku account: Procfile, app.json, heroku.yml)",
                "  ferry init --from snapshot FILE     (offline replay of .ferry/heroku/APP.json)"})
final class InitCommand implements Callable<Integer> {

    enum Origin { heroku, source, snapshot }

    static final String MIGRATE_FROM_HEROKU = "Migrate from Heroku";
    static final String FROM_FOLDER = "From a local Heroku app folder";

    @Mixin
    CommonOptions common;

    @Option(names = "--from", paramLabel = "ORIGIN",
            description = "Where the app comes from: ${COMPLETION-CANDIDATES}.")
    Origin from;

    @Option(names = "--app", paramLabel = "NAME", description = "The Heroku app (with --from heroku).")
    String app;

    @Option(names = "--source", paramLabel = "DIR",
            description = "The app's source folder (default: the current folder when it holds a Procfile).")
    Path source;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The folder (--from source) or the snapshot file (--from snapshot).")
    Path path;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "compose.yaml",
            description = "The compose file to write (default: ${DEFAULT-VALUE}); the report goes beside it.")
    Path out;

    @Option(names = {"-f", "--force"}, description = "Replace an existing compose file and report.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    private final CliContext context;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean interactive = context.interactive(common);
        ConsoleEvents events = new ConsoleEvents(context, common.debug);
        Path composeFile = context.resolve(out);
        try (PrompterHolder prompts = new PrompterHolder(context, interactive)) {
            Origin origin = from != null ? from : chooseOrigin(prompts);
            boolean overwrite = force || confirmOverwrite(composeFile, prompts);
            InitResult result = switch (origin) {
                case heroku -> fromHeroku(prompts, events, composeFile, overwrite);
                case source -> InitWorkflow.fromSource(sourceFolder(prompts), composeFile, overwrite, events);
                case snapshot -> InitWorkflow.fromSnapshot(snapshotFile(), composeFile, overwrite, events);
            };
            new InitOutput(context, events, json).render(result, composeFile);
            return ExitCodes.OK;
        }
    }

    private Origin chooseOrigin(PrompterHolder prompts) {
        if (app != null) {
            return Origin.heroku;
        }
        if (!prompts.allowed()) {
            throw FerryException.badInput("ferry init needs to know where the app comes from",
                    "use --from heroku --app NAME, --from source DIR or --from snapshot FILE (see ferry init --help)");
        }
        String answer = prompts.get().select("How would you like to start?", List.of(MIGRATE_FROM_HEROKU, FROM_FOLDER));
        return MIGRATE_FROM_HEROKU.equals(answer) ? Origin.heroku : Origin.source;
    }

    private boolean confirmOverwrite(Path composeFile, PrompterHolder prompts) {
        List<Path> existing = InitWorkflow.existingOutputs(composeFile);
        if (existing.isEmpty() || !prompts.allowed()) {
            return false; // the workflow refuses, with the --force hint, before anything is collected
        }
        String names = String.join(" and ", existing.stream().map(p -> context.workDir().relativize(p).toString()).toList());
        if (!prompts.get().confirm(names + " already exist" + (existing.size() == 1 ? "s" : "") + ". Overwrite?", false)) {
            throw FerryException.badInput("left " + names + " as " + (existing.size() == 1 ? "it is" : "they are"),
                    "nothing was written; use --out FILE to write elsewhere");
        }
        return true;
    }

    private InitResult fromHeroku(PrompterHolder prompts, ConsoleEvents events, Path composeFile, boolean overwrite) {
        events.step("Ok, let's create a compose file for your existing deployment.");
        Path sourceDir = herokuSourceFolder();
        try (HerokuSession heroku = HerokuSession.open(context, prompts, events)) {
            events.step("Using " + heroku.tokenSource() + " to read the Heroku API.");
            String appName = app != null ? app : chooseApp(heroku.client(), prompts);
            return InitWorkflow.fromHeroku(new HerokuSnapshotCollector(heroku.client()), appName, sourceDir,
                    composeFile, overwrite, events);
        }
    }

    private String chooseApp(HerokuApiClient client, PrompterHolder prompts) {
        if (!prompts.allowed()) {
            throw FerryException.badInput("--app is missing", "name the Heroku app: ferry init --from heroku --app NAME");
        }
        List<String> apps = client.listApps();
        if (apps.isEmpty()) {
            throw FerryException.badInput("this Heroku account has no apps",
                    "check the account with `heroku apps`, or use --from source DIR");
        }
        return prompts.get().select("Select the Heroku application to use as a source:", apps);
    }

    /** --source, else the current folder when it holds a Procfile (the tutorial runs init inside the app). */
    private Path herokuSourceFolder() {
        if (source != null) {
            return context.resolve(source);
        }
        return Files.isRegularFile(context.workDir().resolve("Procfile")) ? context.workDir() : null;
    }

    private Path sourceFolder(PrompterHolder prompts) {
        if (path != null) {
            return context.resolve(path);
        }
        if (source != null) {
            return context.resolve(source);
        }
        if (prompts.allowed()) {
            return context.resolve(Path.of(prompts.get().ask("Path to the Heroku app folder:", ".")));
        }
        return context.workDir();
    }

    private Path snapshotFile() {
        if (path == null) {
            throw FerryException.badInput("--from snapshot needs the snapshot file",
                    "ferry init --from snapshot .ferry/heroku/APP.json");
        }
        return context.resolve(path);
    }
}

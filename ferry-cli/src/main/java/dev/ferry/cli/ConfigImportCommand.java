package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.provider.ConfigImport;
import dev.ferry.provider.ConfigStore;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry config import --from heroku --app NAME}: the app's secret config vars, straight into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Copy a Heroku app's secret config vars into the config store; prints names only.",
                "Add-on vars (DATABASE_URL, REDIS_URL, ...) are left out: compose.yaml rewires them."})
final class ConfigImportCommand implements Callable<Integer> {

    enum Origin { heroku }

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOptions config;

    @Option(names = "--from", required = true, paramLabel = "ORIGIN", description = "Where from: ${COMPLETION-CANDIDATES}.")
    Origin from;

    @Option(names = "--app", required = true, paramLabel = "NAME", description = "The Heroku app.")
    String app;

    private final CliContext context;

    ConfigImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = config.store(context);
        ConsoleEvents events = new ConsoleEvents(context, common.debug);
        try (PrompterHolder prompts = new PrompterHolder(context, context.interactive(common))) {
            try (HerokuSession heroku = HerokuSession.open(context, prompts, events)) {
                SortedSet<String> names = ConfigImport.fromHeroku(heroku.client(), app, store);
                if (names.isEmpty()) {
                    throw FerryException.badInput("\"" + app + "\" has no secret config vars to import",
                            "nothing was written; set values with ferry config set NAME");
                }
                names.forEach(context.out()::println);
                context.err().println(" * Imported " + names.size() + " secret config var" + (names.size() == 1 ? "" : "s")
                        + " of \"" + app + "\" into " + store.description());
            }
        }
        return ExitCodes.OK;
    }
}

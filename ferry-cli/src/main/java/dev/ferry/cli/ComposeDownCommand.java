package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry compose down}: remove the containers and the network; the data volumes stay unless --volumes. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop and remove the project's containers and network (volumes kept unless --volumes).")
final class ComposeDownCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the named volumes (the databases' data).")
    boolean volumes;

    private final CliContext context;

    ComposeDownCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        session.provider().down(session.compose(), volumes, new ComposeEvents(context.err(), false, common.debug));
        return ExitCodes.OK;
    }
}

package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.UpOptions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry compose plan}: what up would change, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what `compose up` would change.")
final class ComposePlanCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    private final CliContext context;

    ComposePlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        ComposeEvents events = new ComposeEvents(context.err(), false, common.debug);
        events.findings(session.compose().findings());
        DeploymentPlan plan = session.provider().plan(session.compose(), UpOptions.defaults(), events);
        for (DeploymentPlan.Change change : plan.changes()) {
            context.out().printf("%-9s %-16s %s%n", change.action().name().toLowerCase(Locale.ROOT), change.service(),
                    change.reason());
        }
        return ExitCodes.OK;
    }
}

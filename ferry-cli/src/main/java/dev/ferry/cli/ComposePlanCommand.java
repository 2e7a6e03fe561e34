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
        print(context, session.provider().plan(session.compose(), UpOptions.defaults(), events));
        return ExitCodes.OK;
    }

    /** {@code up --dry-run}: the provider's own description of the deployment, then the plan; nothing changes. */
    static int dryRun(CliContext context, ComposeSession session, dev.ferry.event.EventSink events) {
        session.provider().render(session.compose(), events).ifPresent(rendered -> {
            context.out().print(rendered.endsWith("\n") ? rendered : rendered + "\n");
            context.out().println();
        });
        print(context, session.provider().plan(session.compose(), UpOptions.defaults(), events));
        return ExitCodes.OK;
    }

    private static void print(CliContext context, DeploymentPlan plan) {
        for (DeploymentPlan.Change change : plan.changes()) {
            context.out().printf("%-9s %-16s %s%n", change.action().name().toLowerCase(Locale.ROOT), change.service(),
                    change.reason());
        }
    }
}

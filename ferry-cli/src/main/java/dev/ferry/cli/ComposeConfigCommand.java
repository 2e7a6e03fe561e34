package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.compose.ComposeProject;
import dev.ferry.compose.ComposeYamlWriter;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.ComposeSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry compose config}: the resolved project (interpolated, profiles applied, validated) on stdout, ferry's
 * findings on stderr. Bare entries stay bare and config-store names stay ${NAME}: no secret value is printed.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Validate the compose file and print the resolved project (no secret values).",
                "With --provider aws, the CloudFormation template follows as a second YAML document."})
final class ComposeConfigCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Option(names = "--json", description = "Print the project as JSON.")
    boolean json;

    private final CliContext context;

    ComposeConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        ComposeSession session = compose.openOffline(context);
        LoadedCompose loaded = session.compose();
        ComposeEvents events = new ComposeEvents(context.err(), false, common.debug);
        events.findings(loaded.findings());
        ComposeProject resolved = new ComposeProject(loaded.projectName(), List.of(), loaded.project().services(),
                loaded.project().volumes());
        if (json) {
            context.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(resolved));
        } else {
            context.out().print(ComposeYamlWriter.write(resolved));
        }
        if (!compose.local()) {
            // the template renders without a mutating call; it references config by parameter ARN, never a value
            session.provider().render(loaded, events).ifPresent(template -> {
                context.out().println(json ? "" : "---");
                context.out().print(template.endsWith("\n") ? template : template + "\n");
            });
        }
        return ExitCodes.OK;
    }
}

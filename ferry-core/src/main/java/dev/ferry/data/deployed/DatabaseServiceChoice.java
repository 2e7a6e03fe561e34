package dev.ferry.data.deployed;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.LoadedCompose;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which compose service a {@code --to PROVIDER} target means: the one named by --to-service, else the only service
 * the provider runs a database of the wanted kind for. One rule for every provider; what counts as such a service
 * (any postgres image locally, a managed one on aws) is the provider's.
 *
 * @param name what the service is called in messages, e.g. "Postgres service" or "managed Postgres service"
 * @param requirement what makes a service one, e.g. "x-defang-postgres: true or a postgres image"
 * @param accepts the test for {@code requirement}
 * @param noneFix the hint when the project has no such service
 */
public record DatabaseServiceChoice(String name, String requirement, Predicate<ComposeService> accepts,
                                    String noneFix) {

    /**
     * @param label the compose file's name, for messages
     * @param serviceName --to-service, or null to take the only matching service
     * @throws FerryException BAD_INPUT naming the file (and the service's line) when there is none, more than one,
     *     or the named service is not one
     */
    public ComposeService choose(LoadedCompose compose, String label, String serviceName) {
        List<ComposeService> services = compose.project().services();
        if (serviceName != null) {
            ComposeService named = services.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                    .orElseThrow(() -> FerryException.badInput(label, 0, "--to-service: no service " + serviceName,
                            "choose one of: " + String.join(", ", services.stream().map(ComposeService::name).toList())));
            if (!accepts.test(named)) {
                throw FerryException.badInput(label, compose.tree().lineOf(List.of("services", serviceName)),
                        "--to-service: service " + serviceName + " is not a " + name,
                        "give a service with " + requirement);
            }
            return named;
        }
        List<ComposeService> matching = services.stream().filter(accepts).toList();
        if (matching.isEmpty()) {
            throw FerryException.badInput(label, 0, "no " + name + " (" + requirement + ")", noneFix);
        }
        if (matching.size() > 1) {
            throw FerryException.badInput(label, 0, "more than one " + name + " ("
                    + String.join(", ", matching.stream().map(ComposeService::name).toList()) + ")",
                    "choose one with --to-service NAME");
        }
        return matching.get(0);
    }
}

package dev.ferry.data.deployed;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.provider.ConfigStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target of {@code --to local}: the Postgres or Redis service of the compose project as the local provider runs
 * it. A service is Postgres when it has {@code x-defang-postgres: true} or a {@code postgres} image (any registry or
 * tag), Redis when it has {@code x-defang-redis: true} or a {@code redis} / {@code valkey} image. ferry reaches it
 * through the host port it publishes for the image's port (5432, 6379); the user, database and password are the ones
 * the container was started with: {@code POSTGRES_USER} (default postgres), {@code POSTGRES_DB} (default the user),
 * {@code POSTGRES_PASSWORD} / {@code REDIS_PASSWORD} from the service's environment, bare or {@code ${NAME}} values
 * read from the config store. Nothing is started here: the project must be up ({@code ferry compose up}).
 */
public final class LocalTargetResolver implements TargetResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public ResolvedTarget resolve(LoadedCompose compose, ConfigStore store, DataKind kind, String serviceName) {
        String label = compose.file().getFileName().toString();
        ComposeService service = choose(compose, label, kind, serviceName);
        int serviceLine = compose.tree().lineOf(List.of("services", service.name()));
        Published published = published(service, kind).orElseThrow(() -> FerryException.badInput(label, serviceLine,
                "service " + service.name() + " publishes no port for " + kind.defaultPort() + ", so its database"
                        + " cannot be reached from this machine",
                "add `ports: [\"127.0.0.1:" + kind.defaultPort() + ":" + kind.defaultPort() + "\"]` under `"
                        + service.name() + ":` (line " + serviceLine + "), run `ferry compose up`, then migrate again"));
        ConnectionUrl url = kind == DataKind.POSTGRES ? postgres(service, store, published, label, compose)
                : redis(service, store, published, label, compose);
        return new ResolvedTarget(service.name(), new DataEndpoint(url, false), "published port " + published.host()
                + ":" + published.port() + " of service " + service.name() + " (" + label + ":" + serviceLine + ")");
    }

    /** A host address and port on this machine. */
    record Published(String host, int port) {}

    private static ComposeService choose(LoadedCompose compose, String label, DataKind kind, String serviceName) {
        return new DatabaseServiceChoice(kindName(kind) + " service", "x-defang-" + kind.label() + ": true or a "
                + kind.label() + " image", s -> isKind(s, kind), "give the target with --to-url instead")
                .choose(compose, label, serviceName);
    }

    static boolean isKind(ComposeService service, DataKind kind) {
        String repository = repository(service.image());
        return switch (kind) {
            case POSTGRES -> ComposeRules.isManagedPostgres(service) || repository.startsWith("postgres");
            case REDIS -> ComposeRules.isManagedRedis(service) || repository.startsWith("redis")
                    || repository.startsWith("valkey");
        };
    }

    /** "docker.io/library/postgres:17@sha256:…" → "postgres"; "" without an image. */
    static String repository(String image) {
        if (image == null) {
            return "";
        }
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        name = name.substring(name.lastIndexOf('/') + 1);
        return (name.contains(":") ? name.substring(0, name.indexOf(':')) : name).toLowerCase(Locale.ROOT);
    }

    /**
     * The host side of the first ports: entry that publishes the image's port: "5432:5432", "127.0.0.1:15432:5432",
     * "5432:5432/tcp". A wildcard address (0.0.0.0, ::) is reached on 127.0.0.1.
     */
    static Optional<Published> published(ComposeService service, DataKind kind) {
        for (String entry : service.ports()) {
            String spec = entry.endsWith("/tcp") ? entry.substring(0, entry.length() - 4) : entry;
            if (spec.contains("/")) {
                continue; // udp
            }
            int lastColon = spec.lastIndexOf(':');
            if (lastColon < 0 || !spec.substring(lastColon + 1).equals(Integer.toString(kind.defaultPort()))) {
                continue;
            }
            String rest = spec.substring(0, lastColon);
            int hostColon = rest.lastIndexOf(':');
            String hostPort = hostColon < 0 ? rest : rest.substring(hostColon + 1);
            String address = hostColon < 0 ? "" : rest.substring(0, hostColon).replace("[", "").replace("]", "");
            if (!hostPort.matches("\\d+")) {
                continue; // a range or an empty host port: the engine picks, ferry cannot know
            }
            String host = address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                    : address;
            return Optional.of(new Published(host, Integer.parseInt(hostPort)));
        }
        return Optional.empty();
    }

    private static ConnectionUrl postgres(ComposeService service, ConfigStore store, Published published,
                                          String label, LoadedCompose compose) {
        String user = value(service, "POSTGRES_USER", store, label, compose).orElse("postgres");
        String database = value(service, "POSTGRES_DB", store, label, compose).orElse(user);
        String password = value(service, "POSTGRES_PASSWORD", store, label, compose).orElse(null);
        return new ConnectionUrl("postgres", user, password, published.host(), published.port(), database, Map.of());
    }

    private static ConnectionUrl redis(ComposeService service, ConfigStore store, Published published, String label,
                                       LoadedCompose compose) {
        String password = value(service, "REDIS_PASSWORD", store, label, compose).orElse(null);
        return new ConnectionUrl("redis", null, password, published.host(), published.port(), "", Map.of());
    }

    /**
     * The value the container got for {@code name}: a literal, a ${NAME} reference filled from the store (or its
     * default), or a bare entry's store value. Empty when the service does not set it.
     */
    private static Optional<String> value(ComposeService service, String name, ConfigStore store, String label,
                                          LoadedCompose compose) {
        ComposeService.EnvEntry entry = service.env(name);
        if (entry == null) {
            return Optional.empty();
        }
        int line = compose.tree().lineOf(List.of("services", service.name(), "environment", name));
        if (entry.isBare()) {
            return Optional.of(store.get(name).orElseThrow(() -> missing(label, line, name, store)));
        }
        Matcher m = REFERENCE.matcher(entry.value());
        StringBuilder out = new StringBuilder();
        int literalFrom = 0;
        while (m.find()) {
            out.append(literal(entry.value().substring(literalFrom, m.start())));
            String variable = m.group(1);
            String fallback = m.group(2);
            out.append(store.get(variable).or(() -> Optional.ofNullable(fallback))
                    .orElseThrow(() -> missing(label, line, variable, store)));
            literalFrom = m.end();
        }
        out.append(literal(entry.value().substring(literalFrom)));
        return Optional.of(out.toString());
    }

    /** Compose text outside references: $$ is a literal $. */
    private static String literal(String text) {
        return text.replace("$$", "$");
    }

    private static FerryException missing(String label, int line, String name, ConfigStore store) {
        return FerryException.badInput(label, line, name + " has no value in the config store ("
                + store.description() + ")", "set it with `ferry config set " + name + "` (the value the database was"
                + " started with)");
    }

    private static String kindName(DataKind kind) {
        return kind == DataKind.POSTGRES ? "Postgres" : "Redis";
    }
}

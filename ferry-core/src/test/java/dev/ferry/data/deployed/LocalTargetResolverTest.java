package dev.ferry.data.deployed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.local.LocalConfigStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--to local` on compose files as ferry init writes them, with the local provider's real config store. */
class LocalTargetResolverTest {

    private static final String PASSWORD = "s3cr3t-local-pg";

    /** The tutorial's shape (as ferry init writes it), with {PORTS} where a test publishes the database's port. */
    private static final String TUTORIAL = """
            name: shop
            services:
              postgres:
                image: "postgres:17"
                environment:
                  POSTGRES_USER: postgres
                  POSTGRES_DB: eb631mzx93pn27
                  POSTGRES_PASSWORD:
            {PORTS}    x-defang-postgres: true
              redis:
                image: "redis:7"
                ports:
                  - "6380:6379"
                x-defang-redis: true
              web:
                build:
                  context: "."
                ports:
                  - "5000:5000"
                environment:
                  DATABASE_URL: "postgres://postgres:${POSTGRES_PASSWORD}@postgres:5432/eb631mzx93pn27"
                  POSTGRES_PASSWORD:
            """;

    @TempDir
    Path dir;

    private ConfigStore store;
    private final LocalTargetResolver resolver = new LocalTargetResolver();

    @BeforeEach
    void store() {
        store = LocalConfigStore.forProject(dir, Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()));
        store.set("POSTGRES_PASSWORD", PASSWORD);
    }

    @Test
    void resolve_publishedPostgres_urlFromEnvironmentStoreAndPort() throws Exception {
        LoadedCompose compose = load(TUTORIAL.replace("{PORTS}", "    ports:\n      - \"15432:5432\"\n"));

        ResolvedTarget target = resolver.resolve(compose, store, DataKind.POSTGRES, null);

        ConnectionUrl url = target.endpoint().url();
        assertThat(target.service()).isEqualTo("postgres");
        assertThat(url.redacted()).isEqualTo("postgres://postgres:***@127.0.0.1:15432/eb631mzx93pn27");
        assertThat(url.password()).isEqualTo(PASSWORD);
        assertThat(target.endpoint().fromHeroku()).isFalse();
        assertThat(target.how()).isEqualTo("published port 127.0.0.1:15432 of service postgres (compose.yaml:3)")
                .doesNotContain(PASSWORD);
    }

    @Test
    void resolve_noPublishedPort_badInputNamingTheLineAndTheEntryToAdd() throws Exception {
        LoadedCompose compose = load(TUTORIAL.replace("{PORTS}", ""));

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> resolver.resolve(compose, store, DataKind.POSTGRES, null));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(e.getMessage()).isEqualTo("compose.yaml:3: service postgres publishes no port for 5432, so its"
                + " database cannot be reached from this machine");
        assertThat(e.hint()).isEqualTo("add `ports: [\"127.0.0.1:5432:5432\"]` under `postgres:` (line 3), run"
                + " `ferry compose up`, then migrate again");
    }

    @Test
    void resolve_passwordNotInTheStore_badInputSayingWhichValueToSet() throws Exception {
        store.remove("POSTGRES_PASSWORD");
        LoadedCompose compose = load(TUTORIAL.replace("{PORTS}", "    ports: [\"5432:5432\"]\n"));

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> resolver.resolve(compose, store, DataKind.POSTGRES, null));

        assertThat(e.getMessage()).startsWith("compose.yaml:8: POSTGRES_PASSWORD has no value in the config store");
        assertThat(e.hint()).contains("ferry config set POSTGRES_PASSWORD");
    }

    @Test
    void resolve_redis_publishedPortNoPassword() throws Exception {
        LoadedCompose compose = load(TUTORIAL.replace("{PORTS}", ""));

        ResolvedTarget target = resolver.resolve(compose, store, DataKind.REDIS, null);

        assertThat(target.endpoint().url().redacted()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(target.endpoint().url().password()).isNull();
    }

    @Test
    void resolve_plainPostgresImageWithBoundAddressAndReference_defaultsAndStoreValue() throws Exception {
        store.set("DB_PASS", "from-store");
        LoadedCompose compose = load("""
                services:
                  db:
                    image: docker.io/library/postgres:15-alpine
                    environment:
                      POSTGRES_USER: app
                      POSTGRES_PASSWORD: "${DB_PASS}"
                    ports:
                      - "8080:80"
                      - "0.0.0.0:25432:5432/tcp"
                """, "DB_PASS");

        ResolvedTarget target = resolver.resolve(compose, store, DataKind.POSTGRES, null);

        // POSTGRES_DB defaults to the user, as the image does; a wildcard address is reached on loopback
        assertThat(target.endpoint().url().redacted()).isEqualTo("postgres://app:***@127.0.0.1:25432/app");
        assertThat(target.endpoint().url().password()).isEqualTo("from-store");
    }

    @Test
    void resolve_twoPostgresServices_badInputAskingForToService() throws Exception {
        String twice = """
                services:
                  main:
                    image: postgres:16
                    ports: ["5433:5432"]
                  analytics:
                    image: postgres:16
                    ports: ["127.0.0.2:5434:5432"]
                """;
        FerryException e = catchThrowableOfType(FerryException.class,
                () -> resolver.resolve(load(twice), store, DataKind.POSTGRES, null));
        assertThat(e.getMessage()).isEqualTo("compose.yaml: more than one Postgres service (main, analytics)");
        assertThat(e.hint()).isEqualTo("choose one with --to-service NAME");

        ResolvedTarget chosen = resolver.resolve(load(twice), store, DataKind.POSTGRES, "analytics");
        assertThat(chosen.endpoint().url().redacted()).isEqualTo("postgres://postgres@127.0.0.2:5434/postgres");
    }

    @Test
    void resolve_toServiceOfTheWrongKind_badInputOnItsLine() throws Exception {
        LoadedCompose compose = load(TUTORIAL.replace("{PORTS}", ""));

        FerryException e = catchThrowableOfType(FerryException.class,
                () -> resolver.resolve(compose, store, DataKind.POSTGRES, "web"));

        assertThat(e.getMessage()).isEqualTo("compose.yaml:15: --to-service: service web is not a Postgres service");
    }

    @Test
    void resolve_noServiceOfTheKind_badInputPointingAtToUrl() throws Exception {
        FerryException e = catchThrowableOfType(FerryException.class, () -> resolver.resolve(load("""
                services:
                  web:
                    image: nginx
                """), store, DataKind.REDIS, null));

        assertThat(e.getMessage()).isEqualTo("compose.yaml: no Redis service (x-defang-redis: true or a redis image)");
        assertThat(e.hint()).contains("--to-url");
    }

    @Test
    void repository_imageForms_lastPathSegmentWithoutTagOrDigest() {
        assertThat(LocalTargetResolver.repository("registry.example.com:5000/team/postgres:16@sha256:abc"))
                .isEqualTo("postgres");
        assertThat(LocalTargetResolver.repository("valkey/valkey:8")).isEqualTo("valkey");
        assertThat(LocalTargetResolver.repository(null)).isEmpty();
    }

    @Test
    void forProvider_aws_hasNoResolver_itsProviderCopiesInItsNetwork() {
        // --to aws goes through Provider.inNetworkMove(); a provider name without a resolver names the choices
        FerryException e = catchThrowableOfType(FerryException.class, () -> TargetResolvers.forProvider("aws"));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(e.hint()).isEqualTo("use --to local or --to aws, or give the target's URL with --to-url");
        assertThat(TargetResolvers.forProvider("local").provider()).isEqualTo("local");
    }

    private LoadedCompose load(String yaml, String... storeNames) throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        java.util.Set<String> names = new java.util.TreeSet<>(store.names());
        names.addAll(List.of(storeNames));
        return ComposeLoader.load(file, "compose.yaml", new LoadOptions(Map.of(), List.of(), names, null));
    }
}

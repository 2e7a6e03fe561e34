package dev.ferry.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.testing.RedisTestServer;
import dev.ferry.event.FerryEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real redis-server processes on loopback: a plain source and target, and a TLS source with a self-signed cert. */
class RedisMoverIT {

    private static final int PER_TYPE = 400;
    private static final String SEED = """
            for i = 1, tonumber(ARGV[1]) do
              redis.call('SET', 'str:' .. i, 'value ' .. i)
              redis.call('RPUSH', 'list:' .. i, 'a', 'b', i)
              redis.call('SADD', 'set:' .. i, 'x', 'y', i)
              redis.call('ZADD', 'zset:' .. i, 1.5, 'one', i, 'n' .. i)
              redis.call('HSET', 'hash:' .. i, 'f1', 'v1', 'n', i)
              redis.call('XADD', 'stream:' .. i, '*', 'field', 'v' .. i)
              if i % 3 == 0 then redis.call('PEXPIRE', 'str:' .. i, 600000) end
            end
            return 1
            """;

    private static RedisTestServer plain;
    private static RedisTestServer tls;
    private static int nextDb = 1;

    private final RedisMover mover = new RedisMover();
    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        plain = RedisTestServer.start(false);
        tls = RedisTestServer.start(true);
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void move_everyTypeWithTtls_copiesAndVerifies() throws Exception {
        int from = seed(plain, PER_TYPE);
        int to = nextDb++;
        MovePlan plan = mover.plan(request(plain.url(from), false, plain.url(to), false));
        assertThat(plan.items()).isEqualTo(6L * PER_TYPE + 1);
        assertThat(plan.summary()).startsWith("2401 keys, ");

        MoveResult result = mover.move(plan, events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        assertThat(result.copied()).isEqualTo(6L * PER_TYPE + 1);
        assertThat(result.verification().checks()).extracting(c -> c.subject() + "=" + c.target())
                .contains("keys of type string=" + (PER_TYPE + 1), "keys of type list=" + PER_TYPE,
                        "keys of type set=" + PER_TYPE, "keys of type zset=" + PER_TYPE,
                        "keys of type hash=" + PER_TYPE, "keys of type stream=" + PER_TYPE,
                        "sampled values=200 of 200 equal");
        try (RespClient target = client(plain.url(to))) {
            long ttl = (Long) target.callOrThrow(List.of("PTTL", "str:3"));
            assertThat(ttl).isBetween(1L, 600_000L);
            assertThat(target.callOrThrow(List.of("PTTL", "str:2"))).isEqualTo(-1L);
            assertThat((byte[]) target.callOrThrow(List.of("GET", new byte[] {'b', 0, (byte) 0xff})))
                    .containsExactly(0, 1, 2, (byte) 0xfe);
        }
        assertThat(events).filteredOn(e -> e instanceof FerryEvent.Step)
                .anyMatch(e -> ((FerryEvent.Step) e).text().matches("copied 2,401 keys: .*keys/s"));
    }

    @Test
    void plan_nonEmptyTarget_refused_forceReplacesWithRestoreReplace() throws Exception {
        int from = seed(plain, 5);
        int to = nextDb++;
        try (RespClient target = client(plain.url(to))) {
            target.callOrThrow(List.of("SET", "str:1", "old"));
            target.callOrThrow(List.of("SET", "unrelated", "kept"));
        }
        assertThatThrownBy(() -> mover.plan(request(plain.url(from), false, plain.url(to), false)))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.getMessage()).contains("is not empty: 2 keys");
                    assertThat(e.hint()).contains("--force");
                });

        MovePlan forced = mover.plan(request(plain.url(from), false, plain.url(to), true));
        assertThat(forced.toDrop()).containsExactly("2 keys in the target: those the source also has are replaced,"
                + " the others kept");
        MoveResult result = mover.move(forced, events::add);

        assertThat(result.verification().passed()).isTrue();
        try (RespClient target = client(plain.url(to))) {
            assertThat(new String((byte[]) target.callOrThrow(List.of("GET", "str:1")))).isEqualTo("value 1");
            assertThat(new String((byte[]) target.callOrThrow(List.of("GET", "unrelated")))).isEqualTo("kept");
        }
    }

    @Test
    void verify_valueChangedOnTarget_failsNamingTheKey() throws Exception {
        int from = seed(plain, 5);
        int to = nextDb++;
        MovePlan plan = mover.plan(request(plain.url(from), false, plain.url(to), false));

        MoveResult result = mover.move(plan, event -> {
            if (event instanceof FerryEvent.Step step && step.text().startsWith("verifying")) {
                try (RespClient target = client(plain.url(to))) {
                    target.callOrThrow(List.of("HSET", "hash:4", "f1", "tampered"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertThat(result.verification().passed()).isFalse();
        assertThat(result.verification().differences()).extracting(c -> c.subject())
                .containsExactly("sampled values", "key hash:4");
    }

    @Test
    void move_herokuTlsSourceWithSelfSignedCertificate_skipsVerificationThereOnlyAndWarns() throws Exception {
        int from = seed(tls, 3);
        int to = nextDb++;
        MovePlan plan = mover.plan(request(tls.url(from), true, plain.url(to), false));
        assertThat(plan.notes()).anyMatch(n -> n.contains("verification is skipped for the Heroku source"));

        MoveResult result = mover.move(plan, events::add);

        assertThat(result.verification().passed()).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("self-signed");
        // said once, in the plan: the copy's events do not repeat it
        assertThat(events).noneMatch(e -> e instanceof FerryEvent.Step s && s.text().contains("TLS"));

        // the same server given as any other host: the certificate is checked, and refused
        assertThatThrownBy(() -> mover.plan(request(tls.url(from), false, plain.url(nextDb++), false)))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.getMessage()).contains("could not connect to the source Redis 127.0.0.1:")
                            .endsWith("its TLS certificate is not trusted by this machine's Java trust store"
                                    + " (self-signed, or signed by a private CA)");
                    assertThat(e.hint()).contains("-Djavax.net.ssl.trustStore=");
                    assertThat(e.getMessage()).doesNotContain(RedisTestServer.PASSWORD).doesNotContain("s3cr3t");
                });
    }

    @Test
    void plan_nothingListening_environmentNotReady() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        String nowhere = "redis://:pw@127.0.0.1:" + free;
        assertThatThrownBy(() -> mover.plan(request(nowhere, false, plain.url(nextDb++), false)))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).startsWith("could not connect to the source Redis 127.0.0.1:" + free);
                    assertThat(e.hint()).contains("running and reachable");
                });
    }

    @Test
    void plan_wrongPassword_errorWithoutThePassword() {
        String wrong = plain.url(0).replace("s3cr3t", "wrongpw");
        assertThatThrownBy(() -> mover.plan(request(wrong, false, plain.url(nextDb++), false)))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.getMessage()).contains("could not connect to the source Redis")
                            .containsIgnoringCase("pass").doesNotContain("wrongpw");
                });
    }

    @Test
    void describeSource_keysAndMemory_withoutATarget() throws Exception {
        int from = seed(plain, 5);
        String text = mover.describeSource(new DataEndpoint(ConnectionUrl.parse(plain.url(from), "t"), false));
        assertThat(text).matches("31 keys, .+ in memory");
    }

    /** Fills a fresh database with every type (TTLs on a third of the strings) and a binary key; returns it. */
    private static int seed(RedisTestServer server, int perType) throws Exception {
        int db = nextDb++;
        try (RespClient client = client(server.url(db))) {
            client.callOrThrow(List.of("EVAL", SEED, "0", Integer.toString(perType)));
            client.callOrThrow(List.of("SET", new byte[] {'b', 0, (byte) 0xff}, new byte[] {0, 1, 2, (byte) 0xfe}));
        }
        return db;
    }

    private static RespClient client(String url) {
        return RespClient.connect(ConnectionUrl.parse(url, "test"), true, "test");
    }

    private static MoveRequest request(String from, boolean fromHeroku, String to, boolean force) {
        return new MoveRequest(new DataEndpoint(ConnectionUrl.parse(from, "--from-url"), fromHeroku),
                new DataEndpoint(ConnectionUrl.parse(to, "--to-url"), false), 1, force, false, Path.of("unused"));
    }
}

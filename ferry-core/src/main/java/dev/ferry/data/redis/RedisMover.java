package dev.ferry.data.redis;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.Sizes;
import dev.ferry.data.Verification;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a Redis database key by key: SCAN the source, then for each batch pipeline TYPE, PTTL and DUMP, and
 * RESTORE on the target with the remaining time to live (REPLACE only with --force). Afterwards every copied key's
 * type is checked on the target (key counts per type) and a random sample of values is compared
 * ({@link RedisValues}). Not resumable: a second run with --force replaces what the first copied.
 *
 * <p>TLS: rediss:// URLs are encrypted. Heroku Key-Value Store presents self-signed certificates, so certificate
 * verification is skipped toward a Heroku source, and only there, with a warning; any other host is verified.
 */
public final class RedisMover implements DataMover {

    static final int BATCH = 500;
    static final int SAMPLE = 200;
    /** The plan's estimate: a conservative rate between two cloud regions. */
    static final long ASSUMED_BYTES_PER_SECOND = 20L * 1024 * 1024;

    private static final Pattern USED_MEMORY = Pattern.compile("used_memory:(\\d+)");

    @Override
    public String describeSource(DataEndpoint source) {
        try (RespClient client = RespClient.connect(source.url(), skipVerification(source), "source")) {
            long keys = (Long) client.callOrThrow(List.of("DBSIZE"));
            return keys + " key" + (keys == 1 ? "" : "s") + ", " + Sizes.human(usedMemory(client)) + " in memory";
        } catch (IOException e) {
            throw FerryException.failed("could not read the Redis source " + source.url().place() + " ("
                    + source.url().scrub(String.valueOf(e.getMessage())) + ")", "check the URL and the network", null);
        }
    }

    @Override
    public MovePlan plan(MoveRequest request) {
        requireRedis(request);
        if (request.resume()) {
            throw FerryException.badInput("--resume applies to Postgres moves only",
                    "run the Redis move again with --force: keys already copied are replaced");
        }
        try (RespClient source = RespClient.connect(request.source().url(), skipVerification(request.source()), "source");
             RespClient target = RespClient.connect(request.target().url(), false, "target")) {
            long keys = (Long) source.callOrThrow(List.of("DBSIZE"));
            long bytes = usedMemory(source);
            long existing = (Long) target.callOrThrow(List.of("DBSIZE"));
            if (existing > 0 && !request.force()) {
                throw FerryException.badInput("the target Redis " + request.target().url().place() + " is not empty: "
                        + existing + " key" + (existing == 1 ? "" : "s"),
                        "choose an empty database, or add --force: keys the source also has are replaced"
                                + " (RESTORE … REPLACE), the others are kept");
            }
            List<String> toDrop = existing > 0 ? List.of(existing + " keys in the target: those the source also has"
                    + " are replaced, the others kept") : List.of();
            List<String> notes = new ArrayList<>();
            if (skipVerification(request.source())) {
                notes.add(tlsWarning());
            }
            if (request.jobs() > 1) {
                notes.add("--jobs applies to Postgres only; Redis keys are copied in pipelined batches of " + BATCH);
            }
            return new MovePlan(request, "redis", keys, bytes, Duration.ofSeconds(bytes / ASSUMED_BYTES_PER_SECOND),
                    toDrop, null, notes);
        } catch (IOException e) {
            throw failed(request, "read the source and the target", e);
        }
    }

    @Override
    public MoveResult move(MovePlan plan, EventSink events) {
        MoveRequest request = plan.request();
        List<String> warnings = new ArrayList<>();
        if (skipVerification(request.source())) {
            // said once, in the plan's notes; kept in the result for --json
            warnings.add(tlsWarning());
        }
        try (RespClient source = RespClient.connect(request.source().url(), skipVerification(request.source()), "source");
             RespClient target = RespClient.connect(request.target().url(), false, "target")) {
            long started = System.nanoTime();
            Copied copied = copy(source, target, plan, request.force(), events);
            Duration copyTime = Duration.ofNanos(System.nanoTime() - started);
            double seconds = Math.max(copyTime.toMillis(), 1) / 1000.0;
            events.emit(new FerryEvent.Step(String.format(Locale.ROOT, "copied %,d keys: %s, %,.0f keys/s",
                    copied.keys().size(), Sizes.human(copied.bytes()), copied.keys().size() / seconds)));
            long verifyStarted = System.nanoTime();
            events.emit(new FerryEvent.Step("verifying key types and a sample of " + Math.min(SAMPLE,
                    copied.keys().size()) + " values"));
            Verification verification = verify(source, target, copied);
            return new MoveResult("redis", copied.keys().size(), copied.bytes(), copyTime,
                    Duration.ofNanos(System.nanoTime() - verifyStarted), verification, warnings, null);
        } catch (IOException e) {
            throw failed(request, "copy", e);
        }
    }

    private record Copied(List<byte[]> keys, Map<String, Long> types, long bytes) {}

    private Copied copy(RespClient source, RespClient target, MovePlan plan, boolean replace, EventSink events)
            throws IOException {
        List<byte[]> keys = new ArrayList<>();
        Map<String, Long> types = new TreeMap<>();
        long bytes = 0;
        String cursor = "0";
        do {
            List<?> reply = (List<?>) source.callOrThrow(List.of("SCAN", cursor, "COUNT", Integer.toString(BATCH)));
            cursor = new String((byte[]) reply.get(0), StandardCharsets.US_ASCII);
            List<byte[]> batch = ((List<?>) reply.get(1)).stream().map(k -> (byte[]) k).toList();
            for (byte[] key : batch) {
                source.send(List.of("TYPE", key));
                source.send(List.of("PTTL", key));
                source.send(List.of("DUMP", key));
            }
            source.flush();
            List<byte[]> restored = new ArrayList<>();
            for (byte[] key : batch) {
                String type = String.valueOf(source.readOrThrow());
                long ttl = (Long) source.readOrThrow();
                byte[] payload = (byte[]) source.readOrThrow();
                if (payload == null || ttl == -2) {
                    continue; // expired or deleted since SCAN saw it
                }
                // RESTORE's 0 means "no expiry": a key with under a millisecond left keeps 1 ms, not forever
                long restoreTtl = ttl == -1 ? 0 : Math.max(ttl, 1);
                List<Object> restore = new ArrayList<>(List.of("RESTORE", key, Long.toString(restoreTtl), payload));
                if (replace) {
                    restore.add("REPLACE");
                }
                target.send(restore);
                restored.add(key);
                types.merge(type, 1L, Long::sum);
                bytes += payload.length;
            }
            target.flush();
            for (byte[] key : restored) {
                Object answer = target.read();
                if (answer instanceof RespClient.RespError error) {
                    throw FerryException.failed("RESTORE of key " + name(key) + " failed on the target: "
                            + error.getMessage(), error.getMessage().startsWith("BUSYKEY")
                            ? "the key appeared on the target meanwhile; run again with --force to replace it" : null, null);
                }
            }
            keys.addAll(restored);
            events.emit(new FerryEvent.Progress("keys", keys.size(), plan.items()));
        } while (!cursor.equals("0"));
        return new Copied(keys, types, bytes);
    }

    private Verification verify(RespClient source, RespClient target, Copied copied) throws IOException {
        Map<String, Long> targetTypes = new TreeMap<>();
        for (int from = 0; from < copied.keys().size(); from += BATCH) {
            List<byte[]> batch = copied.keys().subList(from, Math.min(from + BATCH, copied.keys().size()));
            for (byte[] key : batch) {
                target.send(List.of("TYPE", key));
            }
            target.flush();
            for (int i = 0; i < batch.size(); i++) {
                targetTypes.merge(String.valueOf(target.readOrThrow()), 1L, Long::sum);
            }
        }
        List<Verification.Check> checks = new ArrayList<>();
        TreeMap<String, Long> allTypes = new TreeMap<>(copied.types());
        targetTypes.keySet().forEach(t -> allTypes.putIfAbsent(t, 0L));
        allTypes.forEach((type, count) -> checks.add(new Verification.Check("keys of type " + type,
                Long.toString(count), Long.toString(targetTypes.getOrDefault(type, 0L)))));
        List<byte[]> sample = sample(copied.keys());
        int matching = 0;
        List<Verification.Check> differing = new ArrayList<>();
        for (byte[] key : sample) {
            String expected = RedisValues.fingerprint(source, key);
            if (expected.equals("missing")) {
                matching++; // expired on the source since the copy: nothing to compare
                continue;
            }
            String actual = RedisValues.fingerprint(target, key);
            if (expected.equals(actual)) {
                matching++;
            } else {
                differing.add(new Verification.Check("key " + name(key), expected, actual));
            }
        }
        checks.add(new Verification.Check("sampled values", sample.size() + " of " + sample.size() + " equal",
                matching + " of " + sample.size() + " equal"));
        checks.addAll(differing);
        return new Verification(checks);
    }

    /** A random sample (fixed seed: a rerun samples the same keys of the same data). */
    private static List<byte[]> sample(List<byte[]> keys) {
        if (keys.size() <= SAMPLE) {
            return keys;
        }
        List<byte[]> shuffled = new ArrayList<>(keys);
        java.util.Collections.shuffle(shuffled, new Random(42));
        return shuffled.subList(0, SAMPLE);
    }

    private static long usedMemory(RespClient client) throws IOException {
        String info = new String((byte[]) client.callOrThrow(List.of("INFO", "memory")), StandardCharsets.UTF_8);
        Matcher m = USED_MEMORY.matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean skipVerification(DataEndpoint source) {
        return source.url().scheme().equals("rediss") && source.herokuHosted();
    }

    static String tlsWarning() {
        return "TLS certificate verification is skipped for the Heroku source (Heroku Key-Value Store uses"
                + " self-signed certificates); the connection is still encrypted";
    }

    private static String name(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    private static FerryException failed(MoveRequest request, String what, IOException e) {
        return FerryException.failed("Redis " + what + " failed (" + request.source().url().place() + " → "
                + request.target().url().place() + "): " + request.source().url().scrub(
                request.target().url().scrub(String.valueOf(e.getMessage()))), "check both servers and run again", null);
    }

    private static void requireRedis(MoveRequest request) {
        if (!request.source().url().isRedis() || !request.target().url().isRedis()) {
            throw FerryException.badInput("a Redis move needs two redis:// or rediss:// URLs",
                    "give --from-url redis://… and --to-url redis://…");
        }
        if (request.source().url().place().equals(request.target().url().place())) {
            throw FerryException.badInput("the source and the target are the same Redis database", "give a different --to-url");
        }
    }
}

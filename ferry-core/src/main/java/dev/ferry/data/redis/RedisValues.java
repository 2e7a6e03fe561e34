package dev.ferry.data.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of one key's value that is equal on both servers when the values are equal, whatever their Redis
 * versions: read with the type's own commands (GET, LRANGE, SMEMBERS sorted, ZRANGE WITHSCORES, HGETALL sorted by
 * field, XRANGE) and hashed with SHA-256 over length-prefixed parts. DUMP payloads are not compared: they carry the
 * server's RDB version and encoding choices.
 */
final class RedisValues {

    private RedisValues() {
    }

    /** "string:9f86d0…", "hash:…", or "missing" when the key is gone; "+ttl" when it expires. */
    static String fingerprint(RespClient client, byte[] key) throws IOException {
        Object type = client.callOrThrow(List.of("TYPE", key));
        String kind = String.valueOf(type);
        List<byte[]> parts = switch (kind) {
            case "none" -> null;
            case "string" -> List.of((byte[]) client.callOrThrow(List.of("GET", key)));
            case "list" -> flat(client.callOrThrow(List.of("LRANGE", key, "0", "-1")));
            case "set" -> sorted(flat(client.callOrThrow(List.of("SMEMBERS", key))));
            case "zset" -> flat(client.callOrThrow(List.of("ZRANGE", key, "0", "-1", "WITHSCORES")));
            case "hash" -> sortedPairs(flat(client.callOrThrow(List.of("HGETALL", key))));
            case "stream" -> flat(client.callOrThrow(List.of("XRANGE", key, "-", "+")));
            default -> List.of((byte[]) client.callOrThrow(List.of("DUMP", key)));
        };
        if (parts == null) {
            return "missing";
        }
        long ttl = (Long) client.callOrThrow(List.of("PTTL", key));
        return kind + ":" + sha256(parts) + (ttl > 0 ? " +ttl" : "");
    }

    /** Nested replies (stream entries) flattened in order, with a marker for each level. */
    private static List<byte[]> flat(Object reply) {
        List<byte[]> out = new ArrayList<>();
        flatten(reply, out);
        return out;
    }

    private static void flatten(Object reply, List<byte[]> out) {
        if (reply instanceof List<?> list) {
            out.add(("[" + list.size()).getBytes(StandardCharsets.US_ASCII));
            list.forEach(item -> flatten(item, out));
        } else if (reply instanceof byte[] bytes) {
            out.add(bytes);
        } else {
            out.add(String.valueOf(reply).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<byte[]> sorted(List<byte[]> parts) {
        List<byte[]> items = new ArrayList<>(parts.subList(1, parts.size()));
        items.sort(Arrays::compare);
        return items;
    }

    private static List<byte[]> sortedPairs(List<byte[]> parts) {
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 1; i + 1 < parts.size(); i += 2) {
            pairs.add(new byte[][] {parts.get(i), parts.get(i + 1)});
        }
        pairs.sort((a, b) -> Arrays.compare(a[0], b[0]));
        List<byte[]> out = new ArrayList<>();
        pairs.forEach(p -> {
            out.add(p[0]);
            out.add(p[1]);
        });
        return out;
    }

    private static String sha256(List<byte[]> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

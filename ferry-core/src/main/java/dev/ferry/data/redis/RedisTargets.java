package dev.ferry.data.redis;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import java.io.IOException;
import java.util.List;

/** The target side outside a move: whether a Redis database is empty, and emptying it (for --rollback). */
public final class RedisTargets {

    private RedisTargets() {
    }

    public static boolean isEmpty(DataEndpoint target) {
        try (RespClient client = RespClient.connect(target.url(), false, "target")) {
            Object size = client.callOrThrow(List.of("DBSIZE"));
            return size instanceof Long keys && keys == 0;
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    /** FLUSHDB on the URL's database number: only that database, never the whole server. */
    public static void empty(DataEndpoint target) {
        try (RespClient client = RespClient.connect(target.url(), false, "target")) {
            client.callOrThrow(List.of("FLUSHDB"));
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    private static FerryException failed(DataEndpoint target, IOException e) {
        return FerryException.failed("the target Redis " + target.url().place() + " stopped answering: "
                + target.url().scrub(String.valueOf(e.getMessage())), "check that it runs, then run again", null);
    }
}

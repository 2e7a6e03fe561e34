package dev.ferry.data.deployed;

import dev.ferry.FerryException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether something answers where a deployment publishes its database: a stopped project is the environment (exit 3)
 * with the command that starts it, rather than a driver's connection error.
 */
public final class Listening {

    private static final int TIMEOUT_MILLIS = 3000;

    private Listening() {
    }

    public static void require(ResolvedTarget target, String provider) {
        String host = target.endpoint().url().host();
        int port = target.endpoint().url().port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw FerryException.environment("nothing answers on " + host + ":" + port + ", where the " + provider
                            + " deployment publishes service " + target.service(),
                    "start the project with `ferry compose up`, then migrate again");
        }
    }
}

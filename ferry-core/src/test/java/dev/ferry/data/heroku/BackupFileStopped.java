package dev.ferry.data.heroku;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * A JVM that is stopped in the middle of a backup download, for {@link BackupFileTest}: it serves a "backup" that
 * sends 1 MB and then stalls, and downloads it under the folder given as the argument until it is killed.
 */
final class BackupFileStopped {

    private BackupFileStopped() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 100L << 20);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[1 << 20]);
                body.flush();
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/b007?X-Amz-Signature=x");
        HerokuBackup backup = new HerokuBackup("app", "b007", 7, "DATABASE", 400L << 20, 100L << 20, url);
        BackupFile.download(backup, Path.of(args[0]), event -> { });
        throw new AssertionError("the stalled download finished");
    }
}

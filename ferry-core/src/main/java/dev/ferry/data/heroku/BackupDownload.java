package dev.ferry.data.heroku;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Opens a backup's public URL as a stream, for pg_restore to read as it arrives (no temporary file). The URL is signed:
 * it carries no Heroku token, and none is sent with it (it points at storage outside Heroku's API). Messages name the
 * backup, never the URL.
 */
public final class BackupDownload {

    private BackupDownload() {
    }

    /** The open download and its length (-1 when the server does not say). */
    public record Stream(InputStream body, long length) {}

    public static Stream open(HerokuBackup backup) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(backup.publicUrl()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw FerryException.environment("could not download the Heroku backup " + backup.name() + ": HTTP "
                        + response.statusCode(), "its public URL lasts about an hour: run again to capture a new one");
            }
            return new Stream(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
        } catch (IOException e) {
            throw FerryException.environment("could not download the Heroku backup " + backup.name() + ": "
                    + e.getClass().getSimpleName(), "check the connection to the internet, then run again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted while downloading the Heroku backup", null, e);
        }
    }
}

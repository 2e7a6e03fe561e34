package dev.ferry.data.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuApiClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fresh Heroku Postgres backup through the data API, the way {@code heroku pg:backups:capture} and
 * {@code heroku pg:backups:url} do it:
 * <ol>
 *   <li>the attachment's add-on, from {@code GET /apps/{app}/addon-attachments} (Platform API);</li>
 *   <li>{@code POST /client/v11/databases/{addon id}/backups} starts the capture and answers with its transfer
 *       ({@code num}, {@code uuid}, {@code from_name});</li>
 *   <li>{@code GET /client/v11/apps/{billing app}/transfers/{num}} is polled until {@code finished_at} is set
 *       ({@code processed_bytes} of {@code source_bytes} are reported as progress meanwhile); {@code succeeded}
 *       false is a failed backup;</li>
 *   <li>{@code POST /client/v11/apps/{billing app}/transfers/{num}/actions/public-url} answers {@code {"url": …}}, a
 *       signed link to the dump (custom format) that lasts about an hour.</li>
 * </ol>
 */
public final class HerokuBackups {

    /** The heroku CLI's own floor for --wait-interval: faster polling only spends the API's rate limit. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(3);

    private final HerokuApiClient client;
    private final EventSink events;
    private final Duration poll;

    public HerokuBackups(HerokuApiClient client, EventSink events, Duration poll) {
        this.client = Objects.requireNonNull(client, "client");
        this.events = Objects.requireNonNull(events, "events");
        this.poll = Objects.requireNonNull(poll, "poll");
    }

    /**
     * Captures a backup of the attachment's database, waits for it, and returns it with its public URL.
     *
     * @param attachment e.g. DATABASE or HEROKU_POSTGRESQL_ONYX
     */
    public HerokuBackup capture(String app, AttachmentName attachment) {
        JsonNode addOn = addOnOf(app, attachment);
        String addOnId = addOn.path("id").asText();
        String billingApp = addOn.path("app").path("name").asText(app);
        events.emit(new FerryEvent.Step("Heroku: starting a backup of " + attachment + " ("
                + addOn.path("name").asText(addOnId) + ")"));
        JsonNode transfer = client.dataPost(app, "/client/v11/databases/" + HerokuApiClient.segment(addOnId)
                + "/backups", null);
        int num = transfer.path("num").asInt(-1);
        if (num < 0) {
            throw FerryException.failed("the Heroku data API started a backup but did not say its number",
                    "check it with `heroku pg:backups -a " + billingApp + "`", null);
        }
        String name = HerokuBackup.nameOf(num);
        String transferPath = "/client/v11/apps/" + HerokuApiClient.segment(billingApp) + "/transfers/" + num;
        JsonNode finished = waitFor(billingApp, transferPath, name);
        JsonNode publicUrl = client.dataPost(billingApp, transferPath + "/actions/public-url", null);
        String url = publicUrl.path("url").asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw FerryException.failed("the Heroku data API gave no download URL for backup " + name,
                    "run `heroku pg:backups:url " + name + " -a " + billingApp + "` to check", null);
        }
        return new HerokuBackup(billingApp, name, num, transfer.path("from_name").asText(attachment.name()),
                finished.path("source_bytes").asLong(0), finished.path("processed_bytes").asLong(0), URI.create(url));
    }

    private JsonNode waitFor(String billingApp, String transferPath, String name) {
        while (true) {
            JsonNode transfer = client.dataGet(billingApp, transferPath);
            if (!transfer.path("finished_at").isNull() && !transfer.path("finished_at").isMissingNode()) {
                if (!transfer.path("succeeded").asBoolean(false)) {
                    String why = transfer.path("canceled_at").isTextual() ? " (it was cancelled)" : "";
                    throw FerryException.failed("the Heroku backup " + name + " failed" + why,
                            "see why with `heroku pg:backups:info " + name + " -a " + billingApp + "`", null);
                }
                events.emit(new FerryEvent.Step("Heroku: backup " + name + " finished ("
                        + dev.ferry.data.Sizes.human(transfer.path("processed_bytes").asLong(0)) + ")"));
                return transfer;
            }
            events.emit(new FerryEvent.Progress("backup " + name, transfer.path("processed_bytes").asLong(0),
                    transfer.path("source_bytes").asLong(0)));
            sleep();
        }
    }

    private JsonNode addOnOf(String app, AttachmentName wanted) {
        List<JsonNode> attachments = client.getList(app, "/apps/" + HerokuApiClient.segment(app)
                + "/addon-attachments");
        List<String> names = new ArrayList<>();
        for (JsonNode candidate : attachments) {
            String name = candidate.path("name").asText();
            names.add(name);
            if (wanted.is(name)) {
                return candidate.path("addon");
            }
        }
        throw FerryException.badInput("--attachment: the Heroku app " + app + " has no attachment " + wanted
                        + (names.isEmpty() ? "" : " (its attachments: " + String.join(", ", names.stream().sorted()
                        .toList()) + ")"),
                "give --attachment with the Postgres one (e.g. --attachment DATABASE)");
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted while waiting for the Heroku backup", null, e);
        }
    }
}

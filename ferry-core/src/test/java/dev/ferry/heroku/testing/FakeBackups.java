package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku Postgres backups on the data API, which the Platform API schema does not describe. The shapes follow the
 * heroku CLI's own code: {@code packages/cli/src/lib/pg/types.ts} (BackupTransfer, PublicUrlResponse) and the commands
 * {@code pg/backups/capture.ts} and {@code pg/backups/url.ts} of github.com/heroku/cli, and the nock fixtures of the
 * older plugin's {@code test/commands/backups/capture.js} (github.com/heroku/heroku-pg):
 * <ul>
 *   <li>{@code POST /client/v11/databases/{addon id}/backups} → a transfer (num, uuid, from_name, from_type pg_dump,
 *       to_type gof3r, …, finished_at null);</li>
 *   <li>{@code GET /client/v11/apps/{billing app}/transfers/{num}} → the transfer, running ({@code started_at},
 *       {@code processed_bytes} growing) for a few polls, then finished ({@code finished_at}, {@code succeeded});</li>
 *   <li>{@code POST /client/v11/apps/{billing app}/transfers/{num}/actions/public-url} → {@code {"url": …}}.</li>
 * </ul>
 * The public URL points back at this server ({@link #DOWNLOAD_PREFIX}), standing in for the signed storage URL: it is
 * answered without a token, and a request that carries the Heroku token there is a violation (the token must never
 * leave for storage). Transfers carry {@code from_url} with a password, as Heroku's do, so that tests can check it is
 * never shown.
 */
final class FakeBackups {

    static final String DOWNLOAD_PREFIX = "/backup-storage/";
    /** The password inside every transfer's from_url; tests assert it appears nowhere. */
    static final String FROM_URL_PASSWORD = "p4ssw0rd-in-transfer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAPTURE = Pattern.compile("^/client/v11/databases/([^/]+)/backups$");
    private static final Pattern TRANSFER = Pattern.compile("^/client/v11/apps/([^/]+)/transfers/(\\d+)$");
    private static final Pattern PUBLIC_URL =
            Pattern.compile("^/client/v11/apps/([^/]+)/transfers/(\\d+)/actions/public-url$");

    /** One backup as the fake runs it. */
    private static final class Transfer {
        final ObjectNode body;
        final String app;
        int polls;

        Transfer(ObjectNode body, String app) {
            this.body = body;
            this.app = app;
        }
    }

    private final AppFixtures fixtures;
    private final Map<Integer, Transfer> transfers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final List<String> downloads = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextNum = new AtomicInteger(5);
    private volatile byte[] dump;
    private volatile int pollsUntilDone = 2;
    private volatile boolean fail;
    private volatile long reportedBytes = -1;

    FakeBackups(AppFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The dump the next captures produce; {@code polls} GETs see it running before it finishes. */
    void produce(byte[] dump, int polls, boolean fail) {
        this.dump = dump.clone();
        this.pollsUntilDone = polls;
        this.fail = fail;
    }

    /** The size finished transfers report (processed_bytes) instead of the dump's, e.g. more than a disk holds. */
    void reportSize(long bytes) {
        this.reportedBytes = bytes;
    }

    /** The download paths requested so far (without the signature). */
    List<String> downloads() {
        return List.copyOf(downloads);
    }

    /** Answers a data API backup request, or empty when the path is not one of them. */
    Optional<FakeAnswer> answer(String method, String path, String baseUrl, Consumer<String> violations) {
        Matcher capture = CAPTURE.matcher(path);
        if (capture.matches()) {
            return Optional.of(method.equals("POST") ? capture(capture.group(1), path, violations)
                    : FakeAnswer.error(405, "method_not_allowed", "Method not allowed."));
        }
        Matcher transfer = TRANSFER.matcher(path);
        if (transfer.matches() && method.equals("GET")) {
            return Optional.of(poll(transfer.group(1), Integer.parseInt(transfer.group(2))));
        }
        Matcher publicUrl = PUBLIC_URL.matcher(path);
        if (publicUrl.matches()) {
            return Optional.of(method.equals("POST")
                    ? publicUrl(publicUrl.group(1), Integer.parseInt(publicUrl.group(2)), baseUrl)
                    : FakeAnswer.error(405, "method_not_allowed", "Method not allowed."));
        }
        return Optional.empty();
    }

    /** GET of a public URL: no token expected (a signed URL needs none); the token sent there is a violation. */
    FakeAnswer download(String path, String query, String authorization, Consumer<String> violations) {
        if (authorization != null) {
            violations.accept("GET " + path + ": the Heroku token was sent to backup storage");
        }
        byte[] bytes = stored.get(path);
        if (bytes == null || query == null || !query.startsWith("X-Amz-Signature=")) {
            return new FakeAnswer(403, "<Error><Code>AccessDenied</Code></Error>", Map.of());
        }
        downloads.add(path);
        return FakeAnswer.binary(bytes);
    }

    private FakeAnswer capture(String addOnId, String path, Consumer<String> violations) {
        Optional<String[]> addOn = addOn(addOnId);
        if (addOn.isEmpty()) {
            return FakeAnswer.error(404, "not_found", "Couldn't find that database.");
        }
        if (dump == null) {
            violations.accept("POST " + path + ": a backup was captured but the test gave the fake no dump to produce");
            return FakeAnswer.error(500, "internal_server_error", "Internal server error.");
        }
        int num = nextNum.getAndIncrement();
        String now = Instant.now().toString();
        ObjectNode body = JSON.createObjectNode();
        body.put("uuid", UUID.randomUUID().toString()).put("num", num)
                .put("from_name", addOn.get()[1]).put("from_type", "pg_dump")
                .put("from_url", "postgres://u:" + FROM_URL_PASSWORD + "@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d1")
                .put("to_name", "BACKUP").put("to_type", "gof3r").put("to_url", (String) null)
                .put("source_bytes", dump.length * 4L).put("processed_bytes", 0).put("succeeded", false)
                .put("warnings", 0).put("num_keep", 25).put("created_at", now).put("updated_at", now)
                .putNull("started_at").putNull("finished_at").putNull("canceled_at").putNull("deleted_at")
                .putNull("purged_at");
        body.putObject("options");
        body.putArray("logs");
        transfers.put(num, new Transfer(body, addOn.get()[0]));
        return FakeAnswer.json(200, body.toString());
    }

    private synchronized FakeAnswer poll(String app, int num) {
        Transfer transfer = transfers.get(num);
        if (transfer == null || !transfer.app.equals(app)) {
            return FakeAnswer.error(404, "not_found", "Couldn't find that transfer.");
        }
        transfer.polls++;
        String now = Instant.now().toString();
        ObjectNode body = transfer.body;
        body.put("started_at", body.path("started_at").isNull() ? now : body.path("started_at").asText());
        body.put("updated_at", now);
        if (transfer.polls >= pollsUntilDone) {
            body.put("finished_at", now).put("succeeded", !fail)
                    .put("processed_bytes", reportedBytes >= 0 ? reportedBytes : dump.length);
        } else {
            body.put("processed_bytes", (long) dump.length * transfer.polls / pollsUntilDone);
        }
        return FakeAnswer.json(200, body.toString());
    }

    private FakeAnswer publicUrl(String app, int num, String baseUrl) {
        Transfer transfer = transfers.get(num);
        if (transfer == null || !transfer.app.equals(app) || !transfer.body.path("succeeded").asBoolean()) {
            return FakeAnswer.error(404, "not_found", "Couldn't find that backup.");
        }
        String path = DOWNLOAD_PREFIX + app + "/" + transfer.body.path("uuid").asText();
        stored.put(path, dump.clone());
        byte[] signature = new byte[16];
        new java.security.SecureRandom().nextBytes(signature);
        ObjectNode body = JSON.createObjectNode().put("url", baseUrl + path + "?X-Amz-Signature="
                + HexFormat.of().formatHex(signature));
        return FakeAnswer.json(200, body.toString());
    }

    /** The add-on's billing app and attachment name, from the registered apps' addon-attachments fixtures. */
    private Optional<String[]> addOn(String addOnId) {
        for (String app : fixtures.names()) {
            Optional<JsonNode> attachments = fixtures.platform("/apps/" + app + "/addon-attachments");
            if (attachments.isEmpty()) {
                continue;
            }
            for (JsonNode attachment : attachments.get()) {
                if (attachment.path("addon").path("id").asText().equals(addOnId)) {
                    return Optional.of(new String[] {attachment.path("addon").path("app").path("name").asText(app),
                            attachment.path("name").asText()});
                }
            }
        }
        return Optional.empty();
    }
}

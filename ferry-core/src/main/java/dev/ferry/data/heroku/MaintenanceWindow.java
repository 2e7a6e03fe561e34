package dev.ferry.data.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Heroku side of a quiet copy: maintenance mode on ({@code PATCH /apps/{app}}, {@code maintenance: true}) and every
 * process type but {@code web} scaled to 0 ({@code PATCH /apps/{app}/formation}, one batch), so that nothing writes to
 * the database while it is copied; afterwards both are put back as they were. The caller records the state before
 * ({@link #observe}) first, so that an interrupted run can be undone with {@code --rollback}.
 */
public final class MaintenanceWindow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HerokuApiClient client;
    private final EventSink events;

    public MaintenanceWindow(HerokuApiClient client, EventSink events) {
        this.client = Objects.requireNonNull(client, "client");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The app's maintenance flag and its non-web dynos, now. */
    public HerokuAppState observe(String app) {
        boolean maintenance = client.get(app, appPath(app)).path("maintenance").asBoolean(false);
        Map<String, Integer> workers = new LinkedHashMap<>();
        for (JsonNode process : client.getList(app, appPath(app) + "/formation")) {
            String type = process.path("type").asText();
            int quantity = process.path("quantity").asInt(0);
            if (!type.equals("web") && quantity > 0) {
                workers.put(type, quantity);
            }
        }
        return new HerokuAppState(maintenance, workers);
    }

    /** Maintenance on, then the workers of {@code before} scaled to 0 (already-done steps are skipped). */
    public void open(String app, HerokuAppState before) {
        events.emit(new FerryEvent.Step("Heroku: maintenance mode on for " + app));
        setMaintenance(app, true);
        if (!before.workers().isEmpty()) {
            events.emit(new FerryEvent.Step("Heroku: scaling " + describe(before.workers()) + " to 0"));
            scale(app, before.workers(), true);
        }
    }

    /** Workers back to their quantities, then maintenance back to what it was. */
    public void close(String app, HerokuAppState before) {
        if (!before.workers().isEmpty()) {
            events.emit(new FerryEvent.Step("Heroku: scaling back " + describe(before.workers())));
            scale(app, before.workers(), false);
        }
        if (!before.maintenance()) {
            events.emit(new FerryEvent.Step("Heroku: maintenance mode off for " + app));
            setMaintenance(app, false);
        } else {
            events.emit(new FerryEvent.Step("Heroku: maintenance mode stays on for " + app + " (it was on before)"));
        }
    }

    private void setMaintenance(String app, boolean on) {
        ObjectNode body = JSON.createObjectNode().put("maintenance", on);
        client.patch(app, appPath(app), body);
    }

    private void scale(String app, Map<String, Integer> workers, boolean toZero) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode updates = body.putArray("updates");
        workers.forEach((type, quantity) -> updates.addObject().put("type", type).put("quantity", toZero ? 0 : quantity));
        client.patch(app, appPath(app) + "/formation", body);
    }

    /** "worker ×2, clock ×1" */
    public static String describe(Map<String, Integer> workers) {
        StringBuilder text = new StringBuilder();
        workers.forEach((type, quantity) -> text.append(text.isEmpty() ? "" : ", ").append(type).append(" ×")
                .append(quantity));
        return text.toString();
    }

    private static String appPath(String app) {
        return "/apps/" + HerokuApiClient.segment(app);
    }
}

package dev.ferry.heroku;

import static dev.ferry.heroku.HerokuApiClient.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AppInfo;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads everything ferry needs to know about one Heroku app into {@link HerokuFacts}. Requests that do not depend
 * on each other go out together; a request that needs another's answer starts as soon as that answer arrives.
 * The longest chain is three requests (releases → slug; attachments → shared add-on → data API), so a collection
 * costs at most three round trips in sequence, plus one per extra page of a list longer than 1000 items.
 *
 * <p>Config vars are classified as they are parsed; secret values are never kept.
 */
public final class HerokuSnapshotCollector {

    static final String POSTGRES = "heroku-postgresql";
    static final String REDIS = "heroku-redis";
    /** Enough releases to find the current one behind a few failed or pending deploys. */
    static final int RELEASES_TO_READ = 10;

    private final HerokuApiClient client;

    public HerokuSnapshotCollector(HerokuApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Collects the facts about {@code appName}.
     *
     * @throws FerryException when the app cannot be read (not found, no access, token rejected, Heroku down)
     */
    public HerokuFacts collect(String appName, EventSink sink) {
        EventSink events = SerializedSink.of(sink);
        events.emit(new FerryEvent.Step("Collecting information about \"" + appName + "\"..."));
        return new Collection(appName, events).run();
    }

    /** The state of one collection: its requests in flight and its progress count. */
    private final class Collection {
        private final String appName;
        private final String base;
        private final EventSink events;
        private long planned;
        private long done;

        Collection(String appName, EventSink events) {
            this.appName = appName;
            this.base = "/apps/" + URLEncoder.encode(appName, StandardCharsets.UTF_8);
            this.events = events;
        }

        HerokuFacts run() {
            // round 1: everything that needs only the app's name
            var app = track(client.object(appName, base));
            var formation = track(client.list(appName, base + "/formation"));
            var releases = track(client.newest(appName, base + "/releases", "version", RELEASES_TO_READ));
            var attachments = track(client.list(appName, base + "/addon-attachments"));
            var ownAddOns = track(client.list(appName, base + "/addons"));
            var configVars = track(client.object(appName, base + "/config-vars", ConfigVarsReader::read));
            var domains = track(client.list(appName, base + "/domains"));
            var buildpacks = track(client.list(appName, base + "/buildpack-installations"));
            var sizeCatalogue = track(client.list(null, "/dyno-sizes"));

            // later rounds: each starts as soon as what it needs has arrived
            var processTypes = releases.thenCompose(this::processTypes);
            var dynoSizes = formation.thenCombine(sizeCatalogue, this::dynoSizes).thenCompose(Function.identity());
            // each add-on's data API request starts as soon as that add-on is known (a shared one: once fetched)
            var addOnFutures = attachments.thenCombine(ownAddOns, this::addOnBodies);
            var addOnBodies = addOnFutures.thenCompose(HerokuSnapshotCollector::allOf);
            var versions = addOnFutures.thenCompose(this::versions);

            JsonNode appBody = await(app);
            List<JsonNode> attachmentBodies = await(attachments);
            Map<String, ConfigVarFact> configFacts = await(configVars);
            List<AddOnFact> addOns = addOnFacts(await(addOnBodies), attachmentBodies, await(versions),
                    configFacts.keySet());
            Set<String> owned = new HashSet<>();
            addOns.forEach(a -> a.attachments().forEach(att -> owned.addAll(att.configVarNames())));

            HerokuFacts facts = new HerokuFacts(
                    appInfo(appBody, await(buildpacks)),
                    await(formation).stream().map(HerokuResources::formationEntry)
                            .sorted(Comparator.comparing(FormationEntry::type)).toList(),
                    await(processTypes),
                    await(dynoSizes),
                    addOns,
                    List.copyOf(ConfigVarsReader.withOwnership(configFacts, owned).values()),
                    await(domains).stream().map(d -> d.path("hostname").asText()).sorted().toList());
            events.emit(new FerryEvent.Detail("read " + facts.formation().size() + " process types, "
                    + facts.addOns().size() + " add-ons and " + facts.configVars().size() + " config vars of \""
                    + appName + "\" in " + requestCount() + " requests"));
            return facts;
        }

        private synchronized long requestCount() {
            return done;
        }

        /** Counts a request in the progress; answers arrive on many threads, so counting and emitting go together. */
        private <T> CompletableFuture<T> track(CompletableFuture<T> request) {
            synchronized (this) {
                planned++;
            }
            return request.whenComplete((result, failure) -> {
                synchronized (this) {
                    done++;
                    events.emit(new FerryEvent.Progress("Reading \"" + appName + "\" from the Heroku API", done,
                            planned));
                }
            });
        }

        private CompletableFuture<Map<String, String>> processTypes(List<JsonNode> releases) {
            Optional<String> slugId = HerokuResources.currentSlugId(releases);
            if (slugId.isEmpty()) {
                events.emit(new FerryEvent.Detail("\"" + appName + "\" has no released slug: no process types "
                        + "from a slug (a container app, or never deployed)"));
                return CompletableFuture.completedFuture(Map.of());
            }
            return track(client.objectIfPresent(appName, base + "/slugs/" + slugId.get()))
                    .thenApply(slug -> slug.map(HerokuResources::processTypes).orElseGet(Map::of));
        }

        /** Each size the formation uses, once: from the catalogue, else asked for by name. */
        private CompletableFuture<List<DynoSize>> dynoSizes(List<JsonNode> formation, List<JsonNode> catalogue) {
            Map<String, JsonNode> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            catalogue.forEach(size -> byName.put(size.path("name").asText(), size));
            Map<String, CompletableFuture<Optional<DynoSize>>> sizes = new TreeMap<>();
            for (JsonNode entry : formation) {
                String name = entry.path("size").asText();
                if (name.isEmpty() || sizes.containsKey(name)) {
                    continue;
                }
                JsonNode known = byName.get(name);
                sizes.put(name, known != null
                        ? CompletableFuture.completedFuture(Optional.of(HerokuResources.dynoSize(name, known)))
                        : track(client.objectIfPresent(appName, "/dyno-sizes/" + encode(name)))
                                .thenApply(size -> size.map(s -> HerokuResources.dynoSize(name, s))));
            }
            return allOf(sizes).thenApply(found -> {
                List<DynoSize> result = new ArrayList<>();
                found.forEach((name, size) -> size.ifPresentOrElse(result::add, () -> events.emit(
                        new FerryEvent.Detail("dyno size " + name + " is unknown to the Heroku API"))));
                return result;
            });
        }

        /**
         * Every add-on attached to the app or owned by it, by id: the app's own list, plus each add-on another
         * app owns and shares with this one (attached here but not listed), fetched one by one.
         */
        private Map<String, CompletableFuture<JsonNode>> addOnBodies(List<JsonNode> attachments,
                                                                     List<JsonNode> listed) {
            Map<String, CompletableFuture<JsonNode>> all = new TreeMap<>();
            listed.forEach(addOn -> all.put(addOn.path("id").asText(), CompletableFuture.completedFuture(addOn)));
            for (JsonNode attachment : attachments) {
                JsonNode addOn = attachment.path("addon");
                String id = addOn.path("id").asText();
                if (!all.containsKey(id)) {
                    all.put(id, track(client.objectIfReadable(appName, "/addons/" + encode(id)))
                            .thenApply(body -> body.orElseGet(() -> {
                                events.emit(new FerryEvent.Detail("add-on " + addOn.path("name").asText()
                                        + " is shared from app " + addOn.path("app").path("name").asText()
                                        + ", which this account cannot read: its service and plan are unknown"));
                                return addOn;
                            })));
                }
            }
            return all;
        }

        /** What the data API says of the Postgres and Redis add-ons, by add-on id. */
        private CompletableFuture<Map<String, DataApiFacts>> versions(
                Map<String, CompletableFuture<JsonNode>> addOns) {
            Map<String, CompletableFuture<Optional<DataApiFacts>>> versions = new TreeMap<>();
            addOns.forEach((id, body) -> versions.put(id, body.thenCompose(addOn -> version(id, addOn))));
            return allOf(versions).thenApply(found -> {
                Map<String, DataApiFacts> result = new TreeMap<>();
                found.forEach((id, facts) -> facts.ifPresent(f -> result.put(id, f)));
                return result;
            });
        }

        private CompletableFuture<Optional<DataApiFacts>> version(String id, JsonNode addOn) {
            String service = addOn.path("addon_service").path("name").asText();
            String name = addOn.path("name").asText(id);
            if (POSTGRES.equals(service)) {
                return dataVersion(name, "/client/v11/databases/" + encode(id), HerokuResources::postgresFacts);
            }
            if (REDIS.equals(service)) {
                return dataVersion(name, "/redis/v0/databases/" + encode(id),
                        body -> HerokuResources.redisVersion(body).map(v -> new DataApiFacts(v, null)));
            }
            return CompletableFuture.completedFuture(Optional.empty());
        }

        /** A version from the data API; a failure there costs the version (the mapping then says so), not the run. */
        private CompletableFuture<Optional<DataApiFacts>> dataVersion(String addOnName, String path,
                                                                     Function<JsonNode, Optional<DataApiFacts>> reader) {
            return track(client.dataObject(appName, path)).handle((body, failure) -> {
                if (failure != null) {
                    RuntimeException cause = HerokuApiClient.unwrap(failure);
                    events.emit(new FerryEvent.Detail("could not read the version of " + addOnName
                            + " from the Heroku data API: " + cause.getMessage()));
                    return Optional.empty();
                }
                Optional<DataApiFacts> version = body.flatMap(reader);
                if (version.isEmpty()) {
                    events.emit(new FerryEvent.Detail("the Heroku data API gave no version for " + addOnName
                            + (body.isEmpty() ? " (not provisioned yet?)" : "")));
                }
                return version;
            });
        }

        private List<AddOnFact> addOnFacts(Map<String, JsonNode> addOns, List<JsonNode> attachments,
                                           Map<String, DataApiFacts> versions, Set<String> configVarNames) {
            Map<String, List<String>> attachmentNames = new LinkedHashMap<>();
            for (JsonNode attachment : attachments) {
                if (appName.equals(attachment.path("app").path("name").asText(appName))) {
                    attachmentNames.computeIfAbsent(attachment.path("addon").path("id").asText(),
                            id -> new ArrayList<>()).add(attachment.path("name").asText());
                }
            }
            List<AddOnFact> facts = new ArrayList<>();
            addOns.forEach((id, addOn) -> {
                List<String> names = attachmentNames.getOrDefault(id, List.of()).stream().sorted().toList();
                DataApiFacts dataFacts = versions.getOrDefault(id, DataApiFacts.NONE);
                Map<String, List<String>> vars = AttachmentConfigVars.byAttachment(
                        HerokuResources.strings(addOn.path("config_vars")), names, configVarNames);
                List<AttachmentFact> attached = names.stream()
                        .map(name -> new AttachmentFact(name, vars.get(name))).toList();
                facts.add(new AddOnFact(id, addOn.path("name").asText(),
                        textOrNull(addOn.path("addon_service").path("name")),
                        textOrNull(addOn.path("plan").path("name")),
                        textOrNull(addOn.path("app").path("name")), attached, dataFacts.version(),
                        dataFacts.databaseName()));
            });
            facts.sort(Comparator.comparing(AddOnFact::name));
            return facts;
        }

        private AppInfo appInfo(JsonNode app, List<JsonNode> buildpacks) {
            String generation = app.path("generation").path("name").asText("");
            return new AppInfo(app.path("name").asText(appName), app.path("stack").path("name").asText(),
                    app.path("region").path("name").asText(), HerokuResources.buildpacks(buildpacks),
                    // apps from before the generation field existed are all Cedar
                    generation.isEmpty() ? "cedar" : generation.toLowerCase(Locale.ROOT));
        }
    }

    private static <K, V> CompletableFuture<Map<K, V>> allOf(Map<K, CompletableFuture<V>> futures) {
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<K, V> results = new TreeMap<>();
            futures.forEach((key, future) -> results.put(key, future.join()));
            return results;
        });
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}

package dev.ferry.heroku.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Writes fixtures for a large app, laid out like heroku-api/ so that {@code FakeHerokuApi.start(folder)} serves
 * them: {@code processTypes} process types, {@code addOns} add-ons (Postgres, Redis, one Postgres shared from another
 * app, SaaS ones) and {@code configVars} config vars in all. Every object is a copy of a recorded fixture of
 * harbor-shop-production with new names and ids, so the fake's schema checks hold for them too.
 */
public final class GeneratedApp {

    public static final String NAME = "bench-large-app";
    private static final String TEMPLATE = "heroku-api/harbor-shop-production/";
    private static final String OWNER = "bench-owner-app";
    /** The fixture layout's folder for paths outside any app. */
    private static final String SHARED = "_shared";
    private static final List<String> SIZES = List.of("Standard-1X", "Standard-2X", "Performance-M", "Basic");
    private static final List<String> SAAS = List.of("papertrail", "sendgrid", "scheduler", "memcachier",
            "cloudamqp", "bonsai", "newrelic", "mailgun", "rollbar", "sentry", "searchbox", "cloudinary");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;

    private GeneratedApp(Path root) {
        this.root = root;
    }

    /** Writes the fixtures under {@code root}; returns the fixture folder name (= the app's name). */
    public static String write(Path root, int processTypes, int addOns, int configVars) throws IOException {
        return new GeneratedApp(root).generate(processTypes, addOns, configVars);
    }

    private String generate(int processTypes, int addOnCount, int configVarCount) throws IOException {
        copy("heroku-api/_shared/dyno-sizes.json", SHARED + "/dyno-sizes.json");
        ObjectNode app = (ObjectNode) template("app.json");
        app.put("name", NAME).put("id", id("app")).put("git_url", "https://git.heroku.com/" + NAME + ".git")
                .put("web_url", "https://" + NAME + "-0123456789ab.herokuapp.com/");
        write("app.json", app);

        ArrayNode formation = json.createArrayNode();
        ObjectNode process = (ObjectNode) template("formation.json").get(0);
        ObjectNode slugTypes = json.createObjectNode();
        for (int i = 0; i < processTypes; i++) {
            String type = i == 0 ? "web" : "worker" + i;
            String size = SIZES.get(i % SIZES.size());
            ObjectNode entry = process.deepCopy();
            entry.put("type", type).put("command", "bin/" + type + " --concurrency 5").put("quantity", i % 3)
                    .put("size", size).put("id", id("formation-" + type));
            ((ObjectNode) entry.get("dyno_size")).put("name", size);
            appRef((ObjectNode) entry.get("app"));
            formation.add(entry);
            slugTypes.put(type, "bin/" + type + " --concurrency 5");
        }
        slugTypes.put("release", "bin/release");
        write("formation.json", formation);

        JsonNode releases = template("releases.json");
        String slugId = null;
        for (JsonNode release : releases) {
            appRef((ObjectNode) release.get("app"));
            if (release.path("current").asBoolean()) {
                slugId = release.path("slug").path("id").asText();
            }
        }
        write("releases.json", releases);
        ObjectNode slug = (ObjectNode) json.readTree(resource(TEMPLATE + "slugs/" + slugId + ".json"));
        slug.set("process_types", slugTypes);
        write("slugs/" + slugId + ".json", slug);

        JsonNode addOnTemplate = template("addons.json").get(0);
        JsonNode attachmentTemplate = template("addon-attachments.json").get(0);
        ArrayNode addOns = json.createArrayNode();
        ArrayNode attachments = json.createArrayNode();
        ArrayNode shared = json.createArrayNode();
        ObjectNode vars = json.createObjectNode();
        for (int i = 0; i < addOnCount; i++) {
            String service = i < 3 ? "heroku-postgresql" : i < 5 ? "heroku-redis" : SAAS.get((i - 5) % SAAS.size());
            String name = service.replace("heroku-", "") + "-bench-" + i;
            String attachment = i == 0 ? "DATABASE" : i < 3 ? "HEROKU_POSTGRESQL_C" + i
                    : i == 3 ? "REDIS" : i == 4 ? "CACHE_REDIS" : service.toUpperCase() + "_" + i;
            boolean sharedFromOwner = i == 2;
            List<String> addOnVars = service.equals("heroku-postgresql") ? List.of(attachment + "_URL")
                    : service.equals("heroku-redis") ? List.of(attachment + "_URL", attachment + "_TLS_URL")
                    : List.of(attachment + "_API_KEY", attachment + "_URL");
            ObjectNode addOn = addOnTemplate.deepCopy();
            addOn.put("id", id("addon-" + i)).put("name", name);
            ((ObjectNode) addOn.get("addon_service")).put("name", service).put("id", id("service-" + service));
            ((ObjectNode) addOn.get("plan")).put("name", service + ":standard-0").put("id", id("plan-" + i));
            ArrayNode configVars = addOn.putArray("config_vars");
            addOnVars.forEach(configVars::add);
            ((ObjectNode) addOn.get("app")).put("name", sharedFromOwner ? OWNER : NAME)
                    .put("id", id(sharedFromOwner ? OWNER : "app"));
            ((ObjectNode) addOn.get("billing_entity")).put("name", sharedFromOwner ? OWNER : NAME)
                    .put("id", id(sharedFromOwner ? OWNER : "app"));
            (sharedFromOwner ? shared : addOns).add(addOn);

            ObjectNode attached = attachmentTemplate.deepCopy();
            attached.put("id", id("attachment-" + i)).put("name", attachment);
            ((ObjectNode) attached.get("addon")).put("id", id("addon-" + i)).put("name", name);
            ((ObjectNode) attached.get("addon").get("app")).put("name", sharedFromOwner ? OWNER : NAME)
                    .put("id", id(sharedFromOwner ? OWNER : "app"));
            appRef((ObjectNode) attached.get("app"));
            attachments.add(attached);

            for (String var : addOnVars) {
                vars.put(var, var.endsWith("URL") ? "postgres://u" + i + ":p" + UUID.randomUUID().toString()
                        .replace("-", "") + "@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d" + i
                        : UUID.randomUUID().toString().replace("-", ""));
            }
            if (service.equals("heroku-postgresql")) {
                data("client/v11/databases/" + id("addon-" + i), "{\"addon_id\":\"" + id("addon-" + i)
                        + "\",\"name\":\"" + name + "\",\"plan\":\"standard-0\",\"info\":[{\"name\":\"PG Version\","
                        + "\"values\":[\"16." + i + "\"]}]}");
            } else if (service.equals("heroku-redis")) {
                data("redis/v0/databases/" + id("addon-" + i), "{\"addon_id\":\"" + id("addon-" + i)
                        + "\",\"name\":\"" + name + "\",\"plan\":\"premium-0\",\"version\":\"7.2." + i + "\"}");
            }
        }
        write("addons.json", addOns);
        write("addon-attachments.json", attachments);
        // the add-on another app owns: found through the account-wide folder, as GET /addons/{id} finds it
        Files.createDirectories(root.resolve(SHARED));
        Files.writeString(root.resolve(SHARED + "/addons.json"), json.writeValueAsString(shared));

        for (int i = 0; vars.size() < configVarCount; i++) {
            vars.put(i % 4 == 0 ? "SERVICE_" + i + "_TOKEN" : "SETTING_" + i, i % 4 == 0
                    ? UUID.randomUUID().toString() : "value-" + i);
        }
        write("config-vars.json", vars);
        ArrayNode domains = (ArrayNode) template("domains.json");
        domains.forEach(domain -> appRef((ObjectNode) domain.get("app")));
        write("domains.json", domains);
        write("buildpack-installations.json", template("buildpack-installations.json"));
        return NAME;
    }

    private void appRef(ObjectNode app) {
        app.put("name", NAME).put("id", id("app"));
    }

    private static String id(String what) {
        return UUID.nameUUIDFromBytes(what.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private JsonNode template(String file) throws IOException {
        return json.readTree(resource(TEMPLATE + file));
    }

    private void write(String file, JsonNode body) throws IOException {
        Path target = root.resolve(NAME + "/" + file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, json.writeValueAsString(body));
    }

    private void data(String path, String body) throws IOException {
        Path target = root.resolve(NAME + "/data/" + path + ".json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, body);
    }

    private void copy(String resource, String file) throws IOException {
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, resource(resource));
    }

    private static String resource(String name) {
        try (InputStream in = GeneratedApp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The apps a fake serves and how a request path finds its fixture (layout: see {@link Fixtures}). */
final class AppFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fixtures fixtures;
    private final Map<String, String> dirs = new ConcurrentHashMap<>();
    private final List<String> names = new CopyOnWriteArrayList<>();

    AppFixtures(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** Registers the app in {@code dir}; returns its name, the one in its app.json. */
    String register(String dir) {
        JsonNode app = json(dir + "/app.json").orElseThrow(() -> new IllegalArgumentException(
                "no fixture " + dir + "/app.json in " + fixtures));
        String name = app.path("name").asText();
        dirs.put(name, dir);
        names.add(name);
        return name;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    boolean serves(String appName) {
        return dirs.containsKey(appName);
    }

    /**
     * The recorded answer to a Platform API GET: /apps is every registered app; /apps/{app}/rest is
     * {@code <dir>/rest.json}; any other path is looked up in the apps' folders, then in _shared; /parent/{key} is
     * also found as the item of the list parent.json whose id or name is key (/addons/{id}, /dyno-sizes/{name}).
     */
    Optional<JsonNode> platform(String path) {
        String[] segments = path.substring(1).split("/");
        if (path.equals("/apps")) {
            ArrayNode apps = JSON.createArrayNode();
            names.forEach(name -> apps.add(json(dirs.get(name) + "/app.json").orElseThrow()));
            return Optional.of(apps);
        }
        if (segments[0].equals("apps")) {
            String dir = dirs.get(segments[1]);
            if (dir == null) {
                return Optional.empty();
            }
            String rest = segments.length == 2 ? "app" : path.substring(("/apps/" + segments[1] + "/").length());
            return json(dir + "/" + rest + ".json").or(() -> itemOfList(List.of(dir), rest));
        }
        String rest = path.substring(1);
        List<String> searched = new ArrayList<>();
        names.forEach(name -> searched.add(dirs.get(name)));
        searched.add(Fixtures.SHARED);
        for (String dir : searched) {
            Optional<JsonNode> found = json(dir + "/" + rest + ".json");
            if (found.isPresent()) {
                return found;
            }
        }
        return itemOfList(searched, rest);
    }

    /** The recorded answer to a data API GET, from {@code <dir>/data<path>.json} of any registered app. */
    Optional<String> data(String path) {
        for (String name : names) {
            String relative = dirs.get(name) + "/data" + path + ".json";
            Optional<String> text = fixtures.read(relative);
            if (text.isPresent()) {
                parse(text.get(), relative);
                return text;
            }
        }
        return Optional.empty();
    }

    /** The page size the app's fake.properties asks for on this path ({@code page-size.formation=2}), else 1000. */
    int pageSize(String path) {
        String[] segments = path.substring(1).split("/");
        if (segments.length < 3 || !segments[0].equals("apps") || !dirs.containsKey(segments[1])) {
            return RangePages.HEROKU_MAX;
        }
        Optional<String> settings = fixtures.read(dirs.get(segments[1]) + "/fake.properties");
        if (settings.isEmpty()) {
            return RangePages.HEROKU_MAX;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(settings.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rest = path.substring(("/apps/" + segments[1] + "/").length());
        return Integer.parseInt(properties.getProperty("page-size." + rest, String.valueOf(RangePages.HEROKU_MAX)));
    }

    private Optional<JsonNode> itemOfList(List<String> searched, String rest) {
        int slash = rest.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String parent = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        for (String dir : searched) {
            Optional<JsonNode> list = json(dir + "/" + parent + ".json");
            if (list.isPresent()) {
                for (JsonNode item : list.get()) {
                    if (key.equals(item.path("id").asText()) || key.equalsIgnoreCase(item.path("name").asText())) {
                        return Optional.of(item);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> json(String relative) {
        return fixtures.read(relative).map(text -> parse(text, relative));
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + where + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}

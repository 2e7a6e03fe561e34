package dev.ferry.heroku.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the fake's recorded answers live: on the test class path under heroku-api/ (also inside ferry-core's
 * test-jar, for ferry-cli's tests), or in a folder (generated fixtures, e.g. the benchmark's).
 *
 * <p>Layout: {@code <app>/app.json}, {@code <app>/formation.json}, ... one file per Platform API path below
 * /apps/{app}; {@code <app>/data/client/v11/databases/<addon id>.json} and
 * {@code <app>/data/redis/v0/databases/<addon id>.json} for the data API; {@code <app>/fake.properties} for the fake's
 * own settings (page sizes); {@code _shared/} for paths outside any app (dyno-sizes.json, addons.json).
 */
abstract class Fixtures {

    static final String SHARED = "_shared";

    /** The text of a fixture file, if it exists. */
    abstract Optional<String> read(String relativePath);

    static Fixtures classpath(String root) {
        return new Fixtures() {
            @Override
            Optional<String> read(String relativePath) {
                URL url = FakeHerokuApi.class.getClassLoader().getResource(root + "/" + relativePath);
                if (url == null) {
                    return Optional.empty();
                }
                try (InputStream in = url.openStream()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String toString() {
                return "classpath:" + root;
            }
        };
    }

    static Fixtures folder(Path root) {
        return new Fixtures() {
            @Override
            Optional<String> read(String relativePath) {
                Path file = root.resolve(relativePath).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String toString() {
                return root.toString();
            }
        };
    }
}

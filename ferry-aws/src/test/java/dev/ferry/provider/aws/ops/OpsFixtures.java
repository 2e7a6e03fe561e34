package dev.ferry.provider.aws.ops;

import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The tutorial-shaped project the ops tests deploy, and an event sink that keeps what it got. */
final class OpsFixtures {

    static final String COMPOSE = """
            name: shop
            services:
              web:
                build: .
                ports: ["5000:5000"]
                environment:
                  SECRET_KEY_BASE:
                  DATABASE_URL: postgres://postgres@db:5432/postgres
              worker:
                build: .
                command: ["bin/worker"]
              release:
                build: .
                restart: "no"
              db:
                image: postgres:17
                x-defang-postgres: true
            """;

    static final AwsSettings SETTINGS = new AwsSettings("us-east-1", "shop", ProviderSettings.defaults());

    private OpsFixtures() {
    }

    static LoadedCompose load(Path dir) {
        try {
            Path file = dir.resolve("compose.yaml");
            Files.writeString(file, COMPOSE);
            return ComposeLoader.load(file, "compose.yaml", LoadOptions.of(Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every event; its text is what a user would read. */
    static final class Events implements EventSink {
        final List<FerryEvent> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void emit(FerryEvent event) {
            seen.add(event);
        }

        String text() {
            synchronized (seen) {
                return seen.stream().map(Object::toString).reduce("", (a, b) -> a + b + "\n");
            }
        }

        List<String> logLines() {
            synchronized (seen) {
                return seen.stream().filter(e -> e instanceof FerryEvent.Log).map(e -> (FerryEvent.Log) e)
                        .map(l -> l.source() + " | " + l.line()).toList();
            }
        }
    }
}

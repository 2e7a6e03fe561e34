package dev.ferry.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ProviderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsProviderRenderTest {

    @TempDir
    Path dir;

    @Test
    void render_noRegionNoCredentials_templateWithPlaceholdersAndANote() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    image: nginx:1.27
                    ports: ["80:80"]
                """);
        LoadedCompose compose = ComposeLoader.load(dir.resolve("compose.yaml"), "compose.yaml",
                new LoadOptions(Map.of(), List.of(), Set.of(), null));
        List<FerryEvent> events = new ArrayList<>();

        Optional<String> template = new AwsProvider(Map.of(), ProviderSettings.defaults()).render(compose, events::add);

        assertThat(template).hasValueSatisfying(t -> assertThat(t).startsWith("{")
                .contains("\"ImageWeb\"").contains("ferry app stack ferry-shop-beta (affordable)"));
        assertThat(events).anyMatch(e -> e instanceof FerryEvent.Step s && s.text().startsWith("No AWS region is set"));
    }
}

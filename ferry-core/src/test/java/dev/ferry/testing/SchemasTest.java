package dev.ferry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void herokuErrors_validFormation_none() throws Exception {
        var body = json.readTree("""
                [{"app":{"name":"my-app","id":"01234567-89ab-cdef-0123-456789abcdef"},"command":"bin/web",
                  "created_at":"2024-01-01T00:00:00Z","id":"01234567-89ab-cdef-0123-456789abcdef","quantity":1,
                  "size":"Eco","type":"web","updated_at":"2024-01-01T00:00:00Z",
                  "dyno_size":{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"Eco"}}]""");
        assertThat(Schemas.herokuErrors("formation", body)).isEmpty();
    }

    @Test
    void herokuErrors_inventedFieldOrWrongType_reported() throws Exception {
        var body = json.readTree("""
                {"app":{"name":"my-app","id":"01234567-89ab-cdef-0123-456789abcdef"},"command":"bin/web",
                 "quantity":"one","type":"web","madeUp":true}""");
        assertThat(Schemas.herokuErrors("formation", body))
                .anyMatch(e -> e.contains("quantity"))
                .anyMatch(e -> e.contains("madeUp"));
    }

    @Test
    void composeErrors_typoInKey_reported() {
        assertThat(Schemas.composeErrors("services:\n  web:\n    image: x\n")).isEmpty();
        assertThat(Schemas.composeErrors("services:\n  web:\n    imagee: x\n")).anyMatch(e -> e.contains("imagee"));
    }
}

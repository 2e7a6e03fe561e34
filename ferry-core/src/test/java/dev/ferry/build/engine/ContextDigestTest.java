package dev.ferry.build.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextDigestTest {

    @TempDir
    Path context;
    private String before;

    @BeforeEach
    void app() throws Exception {
        Files.createDirectories(context.resolve("src"));
        Files.writeString(context.resolve("src/app.js"), "console.log(1)\n");
        Files.setLastModifiedTime(context.resolve("src/app.js"), FileTime.fromMillis(1_700_000_000_000L));
        before = ContextDigest.of(context, "FROM node:20-slim\n");
    }

    @Test
    void of_nothingChanged_sameDigest() {
        assertThat(ContextDigest.of(context, "FROM node:20-slim\n")).isEqualTo(before).hasSize(64);
    }

    @Test
    void of_fileEdited_newDigest() throws Exception {
        Files.writeString(context.resolve("src/app.js"), "console.log(2)\n");
        assertThat(ContextDigest.of(context, "FROM node:20-slim\n")).isNotEqualTo(before);
    }

    @Test
    void of_fileAdded_newDigest() throws Exception {
        Files.writeString(context.resolve("README"), "");
        assertThat(ContextDigest.of(context, "FROM node:20-slim\n")).isNotEqualTo(before);
    }

    @Test
    void of_dockerfileChanged_newDigest() {
        assertThat(ContextDigest.of(context, "FROM node:22-slim\n")).isNotEqualTo(before);
    }
}

package dev.ferry.provider.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {

    private static final String DOCKERFILE = "FROM node:22-slim\nCOPY . .\nCMD [\"node\", \"index.js\"]\n";

    @TempDir
    Path dir;

    @Test
    void write_sameContentTouchedAgain_sameHash() throws IOException {
        Path context = context();
        String first = ContextArchive.write(context, DOCKERFILE, dir.resolve("a.tar.gz")).hash();
        Files.setLastModifiedTime(context.resolve("index.js"), FileTime.fromMillis(42));

        String second = ContextArchive.write(context, DOCKERFILE, dir.resolve("b.tar.gz")).hash();

        assertThat(second).isEqualTo(first).hasSize(16);
        assertThat(Files.readAllBytes(dir.resolve("b.tar.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("a.tar.gz")));
    }

    @Test
    void write_codeOrDockerfileChanged_newHash_ignoredFileChanged_sameHash() throws IOException {
        Path context = context();
        String first = ContextArchive.write(context, DOCKERFILE, dir.resolve("a.tar.gz")).hash();

        Files.writeString(context.resolve("debug.log"), "more noise\n");
        assertThat(ContextArchive.write(context, DOCKERFILE, dir.resolve("b.tar.gz")).hash()).isEqualTo(first);
        assertThat(ContextArchive.write(context, DOCKERFILE + "# edited\n", dir.resolve("c.tar.gz")).hash())
                .isNotEqualTo(first);
        Files.writeString(context.resolve("index.js"), "console.log('changed')\n");
        assertThat(ContextArchive.write(context, DOCKERFILE, dir.resolve("d.tar.gz")).hash()).isNotEqualTo(first);
    }

    @Test
    void write_gnuTarReadsIt_dockerignoreHonouredAndDockerfileIncluded() throws Exception {
        Path context = context();
        String longName = "a-rather-long-folder-name-for-a-test/" + "nested-".repeat(12) + "file-with-a-long-name.txt";
        Files.createDirectories(context.resolve(longName).getParent());
        Files.writeString(context.resolve(longName), "deep\n");
        Path archive = dir.resolve("ctx.tar.gz");

        ContextArchive.write(context, DOCKERFILE, archive);

        List<String> listing = run("tar", "-tzf", archive.toString());
        assertThat(listing).contains("index.js", "bin/start", ".ferry-build/Dockerfile", longName, ".dockerignore")
                .doesNotContain("debug.log", "node_modules/", "node_modules/left-pad/index.js");
        assertThat(String.join("\n", run("tar", "-xzOf", archive.toString(), ".ferry-build/Dockerfile")))
                .isEqualTo(DOCKERFILE.strip());
        assertThat(String.join("\n", run("tar", "-tvzf", archive.toString(), "bin/start"))).startsWith("-rwxr-xr-x");
    }

    private Path context() throws IOException {
        Path context = Files.createDirectories(dir.resolve("app"));
        Files.writeString(context.resolve("index.js"), "console.log('hi')\n");
        Files.writeString(context.resolve(".dockerignore"), "*.log\nnode_modules\n");
        Files.writeString(context.resolve("debug.log"), "noise\n");
        Files.createDirectories(context.resolve("node_modules/left-pad"));
        Files.writeString(context.resolve("node_modules/left-pad/index.js"), "module.exports = 1\n");
        Files.createDirectories(context.resolve("bin"));
        Path start = Files.writeString(context.resolve("bin/start"), "#!/bin/sh\nexec node index.js\n");
        start.toFile().setExecutable(true);
        return context;
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}

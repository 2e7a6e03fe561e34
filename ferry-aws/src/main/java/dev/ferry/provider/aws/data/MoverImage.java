package dev.ferry.provider.aws.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * STAND-IN (aws-mover branch) for the mover-image helper's class of the same name, which the lead keeps on merge:
 * the image the mover task runs (ferry's jar on a JRE with the Postgres client tools), tagged by its content.
 */
public final class MoverImage {

    private final Path jar;
    private final int postgresMajor;
    private final String tag;

    private MoverImage(Path jar, int postgresMajor, String tag) {
        this.jar = jar;
        this.postgresMajor = postgresMajor;
        this.tag = tag;
    }

    public static MoverImage forJar(Path ferryJar, int postgresMajor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(ferryJar));
            sha.update(dockerfileFor(postgresMajor).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
            return new MoverImage(ferryJar, postgresMajor, "ferry-mover-pg" + postgresMajor + "-" + hex);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ferryJar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String tag() {
        return tag;
    }

    public int postgresMajor() {
        return postgresMajor;
    }

    public String dockerfile() {
        return dockerfileFor(postgresMajor);
    }

    public void writeContext(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Dockerfile"), dockerfile());
            Files.copy(jar, dir.resolve("ferry.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the mover image's context to " + dir, e);
        }
    }

    private static String dockerfileFor(int major) {
        return "FROM postgres:" + major + "\nRUN apt-get update && apt-get install -y --no-install-recommends"
                + " openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*\nCOPY ferry.jar /opt/ferry/ferry.jar\n"
                + "USER 10001\nENTRYPOINT [\"java\", \"-jar\", \"/opt/ferry/ferry.jar\"]\n";
    }
}

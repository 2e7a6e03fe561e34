package dev.ferry.provider.aws.data;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The image of ferry's data mover: ferry itself on top of the official {@code postgres:<major>} image, so that
 * {@code ferry data migrate} runs inside the user's VPC (as a one-off Fargate task) with pg_dump and pg_restore of
 * that major. The image holds no secret: the URLs and the password arrive as environment variables when the task
 * starts (see {@link MoverCommand}).
 *
 * <p>The base image is named the way ferry's build plans name theirs (a Docker Hub short name, {@code postgres:17}),
 * which is what CodeBuild pulls today. Its Debian release follows the tag (bookworm for older builds of 17, trixie
 * since autumn 2025), and trixie has no {@code openjdk-17-jre-headless}; {@code default-jre-headless} is the release's
 * own JRE (17 on bookworm, 21 on trixie), both run ferry's Java 17 bytecode.
 */
public final class MoverImage {

    /** Where the jar lives in the image. */
    public static final String JAR_PATH = "/opt/ferry/ferry.jar";

    /** A fixed non-root user: the mover needs no privilege, only a writable home for .ferry/data. */
    static final int UID = 10001;

    private static final int OLDEST_MAJOR = 10;

    private final Path jar;
    private final int postgresMajor;
    private final String dockerfile;
    private final String tag;

    private MoverImage(Path jar, int postgresMajor, String dockerfile, String tag) {
        this.jar = jar;
        this.postgresMajor = postgresMajor;
        this.dockerfile = dockerfile;
        this.tag = tag;
    }

    /**
     * The image for {@code ferryJar} with the PostgreSQL tools of {@code postgresMajor}; pg_dump refuses a server newer
     * than itself, so the caller passes the newer of the source's and the target's majors.
     */
    public static MoverImage forJar(Path ferryJar, int postgresMajor) {
        if (postgresMajor < OLDEST_MAJOR) {
            throw new IllegalArgumentException("PostgreSQL major " + postgresMajor + " has no official image with"
                    + " this layout; " + OLDEST_MAJOR + " or newer");
        }
        if (!Files.isRegularFile(ferryJar)) {
            throw FerryException.environment("the ferry jar " + ferryJar + " is not there, so the data mover's image"
                    + " cannot be built", "run ferry from its jar (./ferry, or java -jar ferry.jar)");
        }
        String dockerfile = dockerfileFor(postgresMajor);
        MessageDigest sha = sha256();
        sha.update(dockerfile.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        try (InputStream in = Files.newInputStream(ferryJar)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ferryJar, e);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        return new MoverImage(ferryJar, postgresMajor, dockerfile,
                "ferry-mover-pg" + postgresMajor + "-" + hex.substring(0, 12));
    }

    /** Content-derived: the same jar and major give the same tag, so an image already pushed is reused. */
    public String tag() {
        return tag;
    }

    public int postgresMajor() {
        return postgresMajor;
    }

    /** The image it starts from, as a Docker Hub short name. */
    public String baseImage() {
        return "postgres:" + postgresMajor;
    }

    public String dockerfile() {
        return dockerfile;
    }

    /** Writes {@code Dockerfile} and {@code ferry.jar} into {@code dir} (created if missing, else it must be empty). */
    public void writeContext(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the build context " + dir + " is not empty");
                }
            }
            Files.writeString(dir.resolve("Dockerfile"), dockerfile);
            Files.copy(jar, dir.resolve("ferry.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the data mover's build context to " + dir, e);
        }
    }

    private static String dockerfileFor(int major) {
        return String.join("\n",
                "# ferry's data mover: `ferry data migrate` run inside the VPC as a one-off task.",
                "# No secret in any layer: the URLs and PGPASSWORD arrive as environment variables at run time.",
                "FROM postgres:" + major,
                "# the JRE first, the jar last: a new ferry build changes only the last layer",
                "# (man1 exists for the JRE's alternatives; slim images drop it)",
                "RUN export DEBIAN_FRONTEND=noninteractive \\",
                " && mkdir -p /usr/share/man/man1 \\",
                " && apt-get update -qq \\",
                " && apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null \\",
                " && rm -rf /var/lib/apt/lists/* \\",
                " && groupadd --gid " + UID + " ferry \\",
                " && useradd --uid " + UID + " --gid " + UID + " --create-home --home-dir /home/ferry"
                        + " --shell /usr/sbin/nologin ferry",
                "# plain lines for CloudWatch: no prompt, no colour, no progress bar",
                "ENV CI=true NO_COLOR=1 LANG=C.UTF-8",
                "COPY ferry.jar " + JAR_PATH,
                "USER " + UID + ":" + UID,
                "WORKDIR /home/ferry",
                "# the heap follows the task's memory, leaving room for pg_dump and pg_restore; an out-of-memory ends the task",
                "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=60\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \""
                        + JAR_PATH + "\"]",
                "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

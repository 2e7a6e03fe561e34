package dev.ferry.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The record of one run, in {@code .ferry/data/<kind>-<hash of source and target>.json}, so that {@code --resume}
 * knows how far an interrupted run got. It names the places (host, port, database), never a password.
 *
 * <p>Resumption is by phase, and deliberately small: a run interrupted while {@link Phase#COPYING} is copied again
 * from scratch into a target cleaned of what that run wrote; a run interrupted after {@link Phase#COPIED} is only
 * verified again; a {@link Phase#VERIFIED} run has nothing left to do.
 */
public record RunState(int formatVersion, String kind, String source, String target, Phase phase, int jobs,
                       String startedAt, String updatedAt) {

    /** How far a run got. */
    public enum Phase { COPYING, COPIED, VERIFIED }

    public static RunState started(String kind, ConnectionUrl source, ConnectionUrl target, int jobs) {
        String now = Instant.now().toString();
        return new RunState(1, kind, source.redacted(), target.redacted(), Phase.COPYING, jobs, now, now);
    }

    public RunState at(Phase next) {
        return new RunState(formatVersion, kind, source, target, next, jobs, startedAt, Instant.now().toString());
    }

    /** The file for this source and target: the same pair always maps to the same file. */
    public static Path file(Path stateDir, String kind, ConnectionUrl source, ConnectionUrl target) {
        String key = source.place() + " -> " + target.place();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(kind + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<RunState> read(Path file) {
        return StateFiles.read(file, RunState.class);
    }

    public void write(Path file) {
        StateFiles.write(file, this);
    }
}

package dev.ferry.provider.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.FerryException;
import dev.ferry.io.AtomicFiles;
import dev.ferry.provider.ConfigStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The local provider's config store: one JSON file per project folder, outside the repository, in the user's
 * config directory ($XDG_CONFIG_HOME/ferry/local, else ~/.config/ferry/local), named after the folder and a hash
 * of its absolute path. The file and its folder are owner-only (0600 / 0700) and every write is atomic, so a crash
 * never leaves half a file and no other user can read it.
 */
public final class LocalConfigStore implements ConfigStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path projectDir;

    LocalConfigStore(Path file, Path projectDir) {
        this.file = file;
        this.projectDir = projectDir;
    }

    /** The store of the project in {@code projectDir}, under the config directory {@code env} points at. */
    public static LocalConfigStore forProject(Path projectDir, Map<String, String> env) {
        Path absolute = projectDir.toAbsolutePath().normalize();
        return new LocalConfigStore(configHome(env).resolve("ferry").resolve("local").resolve(fileName(absolute)), absolute);
    }

    static Path configHome(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config");
    }

    /** "{folder}-{12 hex of sha-256(absolute path)}.json": readable, and unique per folder. */
    static String fileName(Path absolute) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            String folder = absolute.getFileName() == null ? "root" : absolute.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            return folder + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public String description() {
        return "the local config store " + file;
    }

    @Override
    public synchronized void setAll(Map<String, String> values) {
        values.keySet().forEach(ConfigStore::checkName);
        Map<String, String> all = read();
        all.putAll(values);
        write(all);
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(read().keySet());
    }

    @Override
    public synchronized boolean remove(String name) {
        Map<String, String> all = read();
        boolean had = all.remove(name) != null;
        if (had) {
            write(all);
        }
        return had;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(read().get(name));
    }

    private Map<String, String> read() {
        Map<String, String> values = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("values").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                values.put(entry.getKey(), entry.getValue().asText());
            }
            return values;
        } catch (IOException e) {
            // the parser's message may quote the file's content: name the file only
            throw FerryException.failed(file + " cannot be read as ferry's config store",
                    "move it away and set the values again with ferry config set", null);
        }
    }

    private void write(Map<String, String> values) {
        ObjectNode root = JSON.createObjectNode();
        root.put("project", projectDir.toString());
        ObjectNode node = root.putObject("values");
        values.forEach(node::put);
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            AtomicFiles.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void ownerOnly(Path path, String mode) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }
}

package dev.ferry.compose.load;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Healthcheck;
import dev.ferry.compose.ComposeService.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one service of a schema-valid compose tree into ferry's {@link ComposeService} model: short and long
 * syntaxes become the one form the model holds (ports and volumes as strings, a string command split into words,
 * env_file read into environment). Keys the model has no place for are reported by {@link ComposeChecks}.
 */
final class ServiceReader {

    private final String label;
    private final Path projectDir;
    private final YamlTree tree;

    ServiceReader(String label, Path projectDir, YamlTree tree) {
        this.label = label;
        this.projectDir = projectDir;
        this.tree = tree;
    }

    ComposeService read(String name, Map<String, Object> body) {
        List<Object> at = List.of("services", name);
        ComposeService.Builder b = ComposeService.builder(name);
        if (body.get("image") != null) {
            b.image(String.valueOf(body.get("image")));
        }
        Object build = body.get("build");
        if (build instanceof String context) {
            b.build(new ComposeService.Build(context, null));
        } else if (build instanceof Map<?, ?> map) {
            b.build(new ComposeService.Build(str(map.get("context"), "."), str(map.get("dockerfile"), null)));
        }
        b.entrypoint(words(body.get("entrypoint")));
        b.command(words(body.get("command")));
        for (Object port : list(body.get("ports"))) {
            b.port(port(port));
        }
        // environment: wins over env_file, as in Compose
        Map<String, ComposeService.EnvEntry> env = new java.util.LinkedHashMap<>();
        envFiles(body.get("env_file"), at).forEach(e -> env.put(e.name(), e));
        environment(body.get("environment")).forEach(e -> env.put(e.name(), e));
        env.values().forEach(b::env);
        b.healthcheck(healthcheck(body.get("healthcheck")));
        dependsOn(body.get("depends_on")).forEach(d -> b.dependsOn(d.service(), d.condition()));
        b.deploy(deploy(body));
        if (body.get("restart") != null) {
            b.restart(String.valueOf(body.get("restart")));
        }
        for (Object volume : list(body.get("volumes"))) {
            b.volume(volume(volume));
        }
        body.forEach((key, value) -> {
            if (key.startsWith("x-")) {
                b.extension(key, value);
            }
        });
        return b.build();
    }

    private static String str(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }

    /** A list stays as it is; a string is split into words as a POSIX shell would, without expanding anything. */
    static List<String> words(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(value);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** "8080:80", 80 or {target, published, host_ip, protocol} → the short form. */
    private static String port(Object port) {
        if (port instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder();
            if (m.get("host_ip") != null) {
                out.append(m.get("host_ip")).append(':');
            }
            if (m.get("published") != null) {
                out.append(m.get("published")).append(':');
            }
            out.append(m.get("target"));
            if (m.get("protocol") != null && !"tcp".equals(m.get("protocol"))) {
                out.append('/').append(m.get("protocol"));
            }
            return out.toString();
        }
        return String.valueOf(port);
    }

    private List<ComposeService.EnvEntry> envFiles(Object value, List<Object> at) {
        List<ComposeService.EnvEntry> entries = new ArrayList<>();
        for (Object item : list(value)) {
            String path = item instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(item);
            boolean required = !(item instanceof Map<?, ?> m) || !Boolean.FALSE.equals(m.get("required"));
            Path file = projectDir.resolve(path).normalize();
            if (!java.nio.file.Files.isRegularFile(file)) {
                if (required) {
                    throw FerryException.badInput(label, tree.lineOf(append(at, "env_file")), "env_file " + path
                            + " does not exist", "create it, or mark it required: false");
                }
                continue;
            }
            DotEnv.read(file).forEach((k, v) -> entries.add(new ComposeService.EnvEntry(k, v.replace("$", "$$"))));
        }
        return entries;
    }

    private static List<ComposeService.EnvEntry> environment(Object value) {
        List<ComposeService.EnvEntry> entries = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> entries.add(new ComposeService.EnvEntry(String.valueOf(k), v == null ? null : scalarText(v))));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                entries.add(eq < 0 ? ComposeService.EnvEntry.bare(text)
                        : new ComposeService.EnvEntry(text.substring(0, eq), text.substring(eq + 1)));
            }
        }
        return entries;
    }

    /** A number or boolean as the text a process would see (5000, not 5000.0; true). */
    private static String scalarText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    private static Healthcheck healthcheck(Object value) {
        if (!(value instanceof Map<?, ?> h) || Boolean.TRUE.equals(h.get("disable")) || h.get("test") == null) {
            return null;
        }
        Object test = h.get("test");
        List<String> words = test instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of("CMD-SHELL", String.valueOf(test));
        if (words.size() == 1 && "NONE".equals(words.get(0))) {
            return null;
        }
        Integer retries = h.get("retries") instanceof Number n ? n.intValue() : null;
        return new Healthcheck(words, str(h.get("interval"), null), str(h.get("timeout"), null), retries,
                str(h.get("start_period"), null));
    }

    private static List<ComposeService.Dependency> dependsOn(Object value) {
        List<ComposeService.Dependency> deps = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(s -> deps.add(new ComposeService.Dependency(String.valueOf(s), Condition.SERVICE_STARTED)));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((s, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                deps.add(new ComposeService.Dependency(String.valueOf(s), condition == null ? Condition.SERVICE_STARTED
                        : Condition.valueOf(String.valueOf(condition).toUpperCase(Locale.ROOT))));
            });
        }
        return deps;
    }

    /** deploy: replicas and resources; the older scale, mem_limit and cpus keys fill what deploy leaves out. */
    private static ComposeService.Deploy deploy(Map<String, Object> body) {
        Map<?, ?> deploy = body.get("deploy") instanceof Map<?, ?> m ? m : Map.of();
        Integer replicas = deploy.get("replicas") instanceof Number n ? Integer.valueOf(n.intValue())
                : body.get("scale") instanceof Number s ? Integer.valueOf(s.intValue()) : null;
        Map<?, ?> resources = deploy.get("resources") instanceof Map<?, ?> r ? r : Map.of();
        Resources limits = resources(resources.get("limits"));
        if (limits == null && (body.get("mem_limit") != null || body.get("cpus") != null)) {
            limits = new Resources(str(body.get("cpus"), null), str(body.get("mem_limit"), null));
        }
        Resources reservations = resources(resources.get("reservations"));
        if (replicas == null && limits == null && reservations == null) {
            return null;
        }
        return new ComposeService.Deploy(replicas, limits, reservations);
    }

    private static Resources resources(Object value) {
        if (!(value instanceof Map<?, ?> m) || (m.get("cpus") == null && m.get("memory") == null)) {
            return null;
        }
        return new Resources(m.get("cpus") == null ? null : scalarText(m.get("cpus")), str(m.get("memory"), null));
    }

    /** "data:/var/lib/data", "./src:/app:ro" or {type, source, target, read_only} → the short form. */
    private static String volume(Object volume) {
        if (volume instanceof Map<?, ?> m) {
            String target = String.valueOf(m.get("target"));
            String source = m.get("source") == null ? null : String.valueOf(m.get("source"));
            String mount = source == null ? target : source + ":" + target;
            return Boolean.TRUE.equals(m.get("read_only")) ? mount + ":ro" : mount;
        }
        return String.valueOf(volume);
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return longer;
    }
}

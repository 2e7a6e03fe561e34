package dev.ferry.compose;

import dev.ferry.compose.ComposeService.Dependency;
import dev.ferry.compose.ComposeService.EnvEntry;
import dev.ferry.compose.ComposeService.Healthcheck;
import dev.ferry.compose.ComposeService.Resources;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link ComposeProject} as compose.yaml, by hand so that the layout is fixed: keys in a set order, two
 * spaces, block lists except healthcheck tests, a comment above each service, and a scalar quoted whenever YAML
 * could read it as anything but the string it is ({@code "no"}, {@code "5000:5000"}, {@code "512M"},
 * {@code "true"}). The same project always gives the same bytes.
 */
public final class ComposeYamlWriter {

    /** Strings that stay plain: start with a letter, '_' or '/', then letters, digits, '_', '.', '/', '-'. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    /** Words YAML 1.1 or 1.2 readers take as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
            "null");

    private ComposeYamlWriter() {
    }

    public static String write(ComposeProject project) {
        StringBuilder out = new StringBuilder();
        project.headerComment().forEach(line -> out.append("# ").append(oneLine(line)).append('\n'));
        if (project.name() != null) {
            out.append("name: ").append(scalar(project.name())).append('\n');
        }
        out.append("services:\n");
        boolean first = true;
        for (ComposeService service : project.services()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            service(out, service);
        }
        if (!project.volumes().isEmpty()) {
            out.append("\nvolumes:\n");
            project.volumes().forEach(v -> out.append("  ").append(scalar(v)).append(": {}\n"));
        }
        return out.toString();
    }

    private static void service(StringBuilder out, ComposeService s) {
        if (s.comment() != null) {
            out.append("  # ").append(oneLine(s.comment())).append('\n');
        }
        out.append("  ").append(scalar(s.name())).append(":\n");
        if (s.image() != null) {
            out.append("    image: ").append(scalar(s.image())).append('\n');
        }
        if (s.build() != null) {
            out.append("    build:\n      context: ").append(scalar(s.build().context())).append('\n');
            if (s.build().dockerfile() != null) {
                out.append("      dockerfile: ").append(scalar(s.build().dockerfile())).append('\n');
            }
        }
        list(out, "entrypoint", s.entrypoint());
        list(out, "command", s.command());
        list(out, "ports", s.ports());
        if (!s.environment().isEmpty()) {
            out.append("    environment:\n");
            for (EnvEntry e : s.environment()) {
                out.append("      ").append(scalar(e.name())).append(':');
                out.append(e.isBare() ? "" : " " + scalar(e.value())).append('\n');
            }
        }
        if (s.healthcheck() != null) {
            healthcheck(out, s.healthcheck());
        }
        if (!s.dependsOn().isEmpty()) {
            out.append("    depends_on:\n");
            for (Dependency d : s.dependsOn()) {
                out.append("      ").append(scalar(d.service())).append(":\n        condition: ")
                        .append(d.condition().composeName()).append('\n');
            }
        }
        if (s.deploy() != null) {
            out.append("    deploy:\n");
            if (s.deploy().replicas() != null) {
                out.append("      replicas: ").append(s.deploy().replicas()).append('\n');
            }
            if (s.deploy().limits() != null || s.deploy().reservations() != null) {
                out.append("      resources:\n");
                resources(out, "limits", s.deploy().limits());
                resources(out, "reservations", s.deploy().reservations());
            }
        }
        if (s.restart() != null) {
            out.append("    restart: ").append(scalar(s.restart())).append('\n');
        }
        list(out, "volumes", s.volumes());
        for (Map.Entry<String, Object> x : s.extensions().entrySet()) {
            out.append("    ").append(scalar(x.getKey())).append(": ").append(value(x.getValue())).append('\n');
        }
    }

    private static void healthcheck(StringBuilder out, Healthcheck h) {
        out.append("    healthcheck:\n      test: [");
        for (int i = 0; i < h.test().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quoted(h.test().get(i)));
        }
        out.append("]\n");
        if (h.interval() != null) {
            out.append("      interval: ").append(scalar(h.interval())).append('\n');
        }
        if (h.timeout() != null) {
            out.append("      timeout: ").append(scalar(h.timeout())).append('\n');
        }
        if (h.retries() != null) {
            out.append("      retries: ").append(h.retries()).append('\n');
        }
        if (h.startPeriod() != null) {
            out.append("      start_period: ").append(scalar(h.startPeriod())).append('\n');
        }
    }

    private static void resources(StringBuilder out, String key, Resources r) {
        if (r == null) {
            return;
        }
        out.append("        ").append(key).append(":\n");
        if (r.cpus() != null) {
            out.append("          cpus: ").append(quoted(r.cpus())).append('\n');
        }
        if (r.memory() != null) {
            out.append("          memory: ").append(scalar(r.memory())).append('\n');
        }
    }

    private static void list(StringBuilder out, String key, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("    ").append(key).append(":\n");
        items.forEach(item -> out.append("      - ").append(scalar(item)).append('\n'));
    }

    private static String value(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return scalar(String.valueOf(value));
    }

    /** A string as a plain scalar when that is unambiguous, else double-quoted. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return quoted(text);
    }

    /** A double-quoted YAML scalar. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}

package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferry.compose.load.Interpolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose value as the container must see it: literal text, references to config names ({@code ${NAME}}, read
 * from the store at run time) and CloudFormation attributes (a managed database's endpoint in place of its compose
 * host name).
 *
 * @param parts the pieces in order
 */
record EnvText(List<Part> parts) {

    enum Kind { LITERAL, CONFIG, ATTRIBUTE }

    /** One piece: literal text, a config name, or a resource attribute such as PostgresDatabase.Endpoint.Address. */
    record Part(Kind kind, String text) {}

    private static final char START = '\u0001';
    private static final char END = '\u0002';
    private static final char ATTRIBUTE_START = '\u0003';
    private static final char ATTRIBUTE_END = '\u0004';

    EnvText {
        parts = List.copyOf(parts);
    }

    /**
     * Reads Compose text ($$ is a literal $, ${NAME} a deferred config name) and puts each managed database's
     * endpoint where a URL names its service as the host ({@code @postgres:5432}, {@code //redis:6379}).
     *
     * @param hosts compose service name → the resource attribute of its address
     */
    static EnvText parse(String composeText, Map<String, String> hosts) {
        String marked = withHosts(Interpolation.unescape(composeText, name -> Optional.of(START + name + END)), hosts);
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == START || c == ATTRIBUTE_START) {
                if (!literal.isEmpty()) {
                    parts.add(new Part(Kind.LITERAL, literal.toString()));
                    literal.setLength(0);
                }
                int end = marked.indexOf(c == START ? END : ATTRIBUTE_END, i);
                parts.add(new Part(c == START ? Kind.CONFIG : Kind.ATTRIBUTE, marked.substring(i + 1, end)));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(Kind.LITERAL, literal.toString()));
        }
        return new EnvText(parts);
    }

    /**
     * Marks where a URL's host (after "//" and any "user:password@", up to ":" or "/") or a whole value's
     * "host:port" names a managed database's service.
     */
    private static String withHosts(String text, Map<String, String> hosts) {
        if (hosts.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        while (true) {
            int slashes = text.indexOf("//", from);
            if (slashes < 0) {
                break;
            }
            int start = slashes + 2;
            int end = start;
            while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            int at = text.lastIndexOf('@', end - 1);
            int hostStart = at >= start ? at + 1 : start;
            int hostEnd = hostStart;
            while (hostEnd < end && text.charAt(hostEnd) != ':') {
                hostEnd++;
            }
            spans.add(new int[] {hostStart, hostEnd});
            from = end;
        }
        Matcher bare = Pattern.compile("^([a-z0-9][a-z0-9_-]*):\\d+$").matcher(text);
        if (spans.isEmpty() && bare.find()) {
            spans.add(new int[] {0, bare.end(1)});
        }
        for (int k = spans.size() - 1; k >= 0; k--) {
            int[] span = spans.get(k);
            String attribute = hosts.get(text.substring(span[0], span[1]));
            if (attribute != null) {
                out.replace(span[0], span[1], ATTRIBUTE_START + attribute + ATTRIBUTE_END);
            }
        }
        return out.toString();
    }

    /** The ports a text reaches {@code service} on: "//svc:5672", "@svc:5672", "svc:11211" at the start or after a comma. */
    static List<Integer> portsOf(String literalText, String service) {
        Matcher m = Pattern.compile("(?:^|[@/,\\s])" + Pattern.quote(service) + ":(\\d{1,5})(?!\\d)").matcher(literalText);
        List<Integer> ports = new ArrayList<>();
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    List<String> configNames() {
        return parts.stream().filter(p -> p.kind() == Kind.CONFIG).map(Part::text).toList();
    }

    boolean hasConfig() {
        return parts.stream().anyMatch(p -> p.kind() == Kind.CONFIG);
    }

    boolean hasAttribute() {
        return parts.stream().anyMatch(p -> p.kind() == Kind.ATTRIBUTE);
    }

    /** Exactly one config name and nothing else: the value is that config value. */
    Optional<String> soleConfig() {
        return parts.size() == 1 && parts.get(0).kind() == Kind.CONFIG ? Optional.of(parts.get(0).text())
                : Optional.empty();
    }

    /** The literal text of the value, config references written back as ${NAME} (for a shell to expand). */
    JsonNode asValue() {
        if (!hasAttribute()) {
            StringBuilder out = new StringBuilder();
            parts.forEach(p -> out.append(p.kind() == Kind.CONFIG ? "${" + p.text() + "}" : p.text()));
            return TextNode.valueOf(out.toString());
        }
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            switch (p.kind()) {
                case LITERAL -> out.append(Cfn.subLiteral(p.text()));
                case CONFIG -> out.append("${!").append(p.text()).append('}');
                case ATTRIBUTE -> out.append("${").append(p.text()).append('}');
            }
        }
        return Cfn.sub(out.toString());
    }

    /**
     * The value as a POSIX shell double-quoted word: literal text escaped, config names expanded from the
     * container's environment (where ECS put them as secrets), attributes filled in by CloudFormation.
     */
    EnvText asShellWord() {
        List<Part> word = new ArrayList<>();
        word.add(new Part(Kind.LITERAL, "\""));
        for (Part p : parts) {
            switch (p.kind()) {
                case LITERAL -> word.add(new Part(Kind.LITERAL, p.text().replaceAll("([\\\\\"$`])", "\\\\$1")));
                case CONFIG -> word.add(new Part(Kind.LITERAL, "${" + p.text() + "}"));
                case ATTRIBUTE -> word.add(p);
            }
        }
        word.add(new Part(Kind.LITERAL, "\""));
        return new EnvText(word);
    }

    /** Joins texts (no config parts left) into one. */
    static EnvText concat(List<EnvText> texts) {
        List<Part> all = new ArrayList<>();
        texts.forEach(t -> all.addAll(t.parts()));
        return new EnvText(all);
    }

    static EnvText literal(String text) {
        return new EnvText(List.of(new Part(Kind.LITERAL, text)));
    }
}

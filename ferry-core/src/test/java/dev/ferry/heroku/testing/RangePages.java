package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's list paging: {@code Range: <field> [\]]<start>..[<end>][; order=desc, max=N]}; a page is sorted by the
 * field, and when more items remain the answer is 206 Partial Content with {@code Next-Range} to ask for next.
 */
final class RangePages {

    static final int HEROKU_MAX = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*(\\w+)\\s+(]?)([^;]*?)\\.\\.([^;]*?)\\s*(?:;\\s*(.*))?$");

    private RangePages() {
    }

    /**
     * One page of {@code items}.
     *
     * @param pageSize the most this fake serves at once (a fixture may ask for small pages to force paging)
     * @param violations where to report a malformed Range
     */
    static FakeAnswer page(ArrayNode items, String range, int pageSize, Consumer<String> violations) {
        Matcher parts = RANGE.matcher(range);
        if (!parts.matches()) {
            violations.accept("Range header not in Heroku's form (e.g. \"id ..; max=1000\"): " + range);
            return FakeAnswer.error(400, "bad_request", "Invalid Range header.");
        }
        String field = parts.group(1);
        boolean exclusive = !parts.group(2).isEmpty();
        String from = parts.group(3).trim();
        Map<String, String> params = parameters(parts.group(5));
        boolean descending = "desc".equals(params.get("order"));
        int max = Integer.parseInt(params.getOrDefault("max", "200"));
        if (max > HEROKU_MAX) {
            violations.accept("Range max " + max + " is above Heroku's " + HEROKU_MAX);
        }
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        Comparator<JsonNode> order = (a, b) -> compareKeys(a.path(field), b.path(field));
        sorted.sort(descending ? order.reversed() : order);
        int first = from.isEmpty() ? 0 : firstAfter(sorted, field, from, exclusive, descending);
        int end = Math.min(sorted.size(), first + Math.min(max, pageSize));
        ArrayNode page = JSON.createArrayNode();
        sorted.subList(first, end).forEach(page::add);
        if (end < sorted.size()) {
            String last = sorted.get(end - 1).path(field).asText();
            String next = field + " ]" + last + "..; " + (descending ? "order=desc, " : "") + "max=" + max;
            return new FakeAnswer(206, page.toString(), Map.of("Next-Range", next));
        }
        return FakeAnswer.json(200, page.toString());
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> params = new TreeMap<>();
        if (text != null) {
            for (String param : text.split(",")) {
                String[] pair = param.trim().split("=", 2);
                params.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
            }
        }
        return params;
    }

    /** Index of the first item at (or, exclusive, after) {@code from} in the list's order. */
    private static int firstAfter(List<JsonNode> sorted, String field, String from, boolean exclusive,
                                  boolean descending) {
        JsonNode start = JSON.getNodeFactory().textNode(from);
        int index = 0;
        while (index < sorted.size()) {
            int c = compareKeys(sorted.get(index).path(field), start);
            c = descending ? -c : c;
            if (c > 0 || (c == 0 && !exclusive)) {
                break;
            }
            index++;
        }
        return index;
    }

    /** Numbers (release versions) as numbers, everything else as text. */
    private static int compareKeys(JsonNode a, JsonNode b) {
        if (a.isNumber() || b.isNumber()) {
            try {
                return Double.compare(Double.parseDouble(a.asText()), Double.parseDouble(b.asText()));
            } catch (NumberFormatException e) {
                // fall through to text
            }
        }
        return a.asText("").compareTo(b.asText(""));
    }
}

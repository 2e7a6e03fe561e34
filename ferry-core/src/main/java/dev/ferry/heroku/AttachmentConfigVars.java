package dev.ferry.heroku;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which config vars each attachment of an add-on sets on the app. Heroku lists an add-on's config vars once
 * ({@code config_vars}, e.g. DATABASE_URL), named after one attachment; every other attachment gets the same vars with
 * its own name as the prefix (attached as HEROKU_POSTGRESQL_ONYX: HEROKU_POSTGRESQL_ONYX_URL). The rule: find that
 * prefix, then swap it for each attachment's name.
 */
final class AttachmentConfigVars {

    private AttachmentConfigVars() {
    }

    /**
     * @param addOnConfigVars the add-on's {@code config_vars}
     * @param attachmentNames the names of the add-on's attachments to this app
     * @param appConfigVarNames the names of the app's config vars, to check a guess against
     * @return for each attachment name, the config vars it sets, sorted
     */
    static Map<String, List<String>> byAttachment(List<String> addOnConfigVars, Collection<String> attachmentNames,
                                                  Set<String> appConfigVarNames) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        Optional<String> prefix = prefix(addOnConfigVars, attachmentNames, appConfigVarNames);
        for (String attachment : attachmentNames) {
            result.put(attachment, prefix.map(p -> renamed(addOnConfigVars, p, attachment)).orElse(List.of()));
        }
        return result;
    }

    /**
     * The prefix the add-on's config vars carry: preferably an attachment's own name (the add-on's default
     * attachment is attached here); else the longest candidate whose renamed vars all exist on the app (a shared
     * add-on, named after its owner's attachment); else the longest candidate.
     */
    static Optional<String> prefix(List<String> addOnConfigVars, Collection<String> attachmentNames,
                                   Set<String> appConfigVarNames) {
        List<String> candidates = candidates(addOnConfigVars);
        for (String candidate : candidates) {
            if (attachmentNames.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String candidate : candidates) {
            boolean allPresent = !attachmentNames.isEmpty() && attachmentNames.stream()
                    .allMatch(attachment -> appConfigVarNames.containsAll(
                            renamed(addOnConfigVars, candidate, attachment)));
            if (allPresent) {
                return Optional.of(candidate);
            }
        }
        return candidates.stream().findFirst();
    }

    /** Prefixes ending at an underscore that every var shares and that leave something after them, longest first. */
    private static List<String> candidates(List<String> vars) {
        List<String> candidates = new ArrayList<>();
        if (vars.isEmpty()) {
            return candidates;
        }
        String first = vars.get(0);
        for (int i = first.lastIndexOf('_'); i > 0; i = first.lastIndexOf('_', i - 1)) {
            String prefix = first.substring(0, i);
            if (vars.stream().allMatch(v -> v.startsWith(prefix + "_") && v.length() > prefix.length() + 1)) {
                candidates.add(prefix);
            }
        }
        return candidates;
    }

    private static List<String> renamed(List<String> vars, String prefix, String attachment) {
        return vars.stream().map(v -> attachment + v.substring(prefix.length())).sorted().toList();
    }
}

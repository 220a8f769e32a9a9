package org.trustbench.caseq;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Normalises text for queue search: NFKC (full-width to half-width), lower case, single spaces. */
public final class SearchText {

    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("\\s+", " ").strip();
    }

    /** The query's terms; every term must match for a row to match. */
    public static List<String> terms(String query) {
        String n = normalise(query);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }
}

package org.trustbench.verify;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises company names before they are compared: full-width to half-width (NFKC),
 * brackets, whitespace, case and common company-suffix variants.
 */
public final class NameNormaliser {

    /** Suffix variants that mean the same legal form, longest first. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("股份有限公司", "股份有限公司"),
            Map.entry("有限责任公司", "有限公司"),
            Map.entry("companylimited", "coltd"),
            Map.entry("co.,ltd.", "coltd"),
            Map.entry("co.,ltd", "coltd"),
            Map.entry("co.ltd.", "coltd"),
            Map.entry("co.ltd", "coltd"),
            Map.entry("co,ltd", "coltd"),
            Map.entry("ltd.", "ltd"));

    private NameNormaliser() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replace('【', '(').replace('】', ')').replace('[', '(').replace(']', ')');
        n = n.replaceAll("\\s+", "");
        for (Map.Entry<String, String> s : SUFFIXES) {
            if (n.endsWith(s.getKey())) {
                n = n.substring(0, n.length() - s.getKey().length()) + s.getValue();
                break;
            }
        }
        return n;
    }

    /** Why two names that normalise alike were written differently, as a bundle key suffix, or null if identical. */
    public static String differenceKind(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return null;
        }
        String na = Normalizer.normalize(a, Normalizer.Form.NFKC);
        String nb = Normalizer.normalize(b, Normalizer.Form.NFKC);
        if (na.equals(nb)) {
            return "width";
        }
        if (na.replaceAll("\\s+", "").equals(nb.replaceAll("\\s+", ""))) {
            return "spacing";
        }
        if (na.replace("有限责任公司", "有限公司").equals(nb.replace("有限责任公司", "有限公司"))) {
            return "suffix";
        }
        return normalise(a).equals(normalise(b)) ? "format" : "different";
    }

    /** Person names: NFKC, no whitespace, case-insensitive. */
    public static String normalisePerson(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}

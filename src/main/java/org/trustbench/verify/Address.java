package org.trustbench.verify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese address split into components, so two addresses can be compared component by
 * component and the finding can say which one differs.
 */
public final class Address {

    /** Components in the order they are written. */
    public enum Component { PROVINCE, CITY, DISTRICT, TOWN, ROAD, LANE, NUMBER, BUILDING, FLOOR, ROOM, REST }

    private static final Pattern PATTERN = Pattern.compile(
            "^(?<PROVINCE>[^省]{2,8}?(?:省|自治区))?"
                    + "(?<CITY>[^市]{2,8}?市)?"
                    + "(?<DISTRICT>[^区县市]{1,8}?(?:新区|区|县))?"
                    + "(?<TOWN>[^镇乡]{1,8}?(?:镇|乡|街道))?"
                    + "(?<ROAD>[^路街道巷\\d]{1,16}?(?:大道|公路|路|街|巷))?"
                    + "(?<LANE>\\d+弄)?"
                    + "(?<NUMBER>\\d+(?:-\\d+)?号(?!楼))?"
                    + "(?<BUILDING>\\d+(?:幢|栋|号楼|座))?"
                    + "(?<FLOOR>\\d+(?:层|楼))?"
                    + "(?<ROOM>\\d+(?:-\\d+)?室)?"
                    + "(?<REST>.*)$");

    private final String raw;
    private final Map<Component, String> parts;

    private Address(String raw, Map<Component, String> parts) {
        this.raw = raw;
        this.parts = parts;
    }

    /** Prefixes that name an overlay zone or the country, not a component: compared without them. */
    private static final Pattern IGNORED_PREFIX = Pattern.compile("^(?:中国)?(?:\\(上海\\))?(?:自由贸易试验区|自贸区)(?:临港新片区)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A municipality written without 市, e.g. 上海浦东新区. */
    private static final Pattern MUNICIPALITY = Pattern.compile("^(上海|北京|天津|重庆)(?!市)");

    public static Address parse(String raw) {
        String n = raw == null ? "" : WHITESPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        n = n.startsWith("中国") && !n.startsWith("中国(") ? n.substring(2) : n;
        n = IGNORED_PREFIX.matcher(n).replaceFirst("");
        n = MUNICIPALITY.matcher(n).replaceFirst("$1市");
        Map<Component, String> parts = new EnumMap<>(Component.class);
        Matcher m = PATTERN.matcher(n);
        if (m.matches()) {
            for (Component c : Component.values()) {
                String v = m.group(c.name());
                if (v != null && !v.isEmpty()) {
                    parts.put(c, canonical(c, v));
                }
            }
        } else {
            parts.put(Component.REST, n);
        }
        return new Address(raw, parts);
    }

    /** Spellings of the same thing: 3楼 = 3层, 8栋 = 8号楼 = 8幢. */
    private static String canonical(Component c, String v) {
        return switch (c) {
            case FLOOR -> v.replace('楼', '层');
            case BUILDING -> v.replace("号楼", "幢").replace('栋', '幢');
            default -> v;
        };
    }

    public String raw() {
        return raw;
    }

    public String get(Component c) {
        return parts.get(c);
    }

    /** The normalised address as the components read together. */
    public String normalised() {
        return String.join("", parts.values());
    }

    /**
     * Components that both addresses give and that differ. A component only one side gives
     * (e.g. the city omitted) is not a difference.
     */
    public List<Component> differences(Address other) {
        List<Component> out = new ArrayList<>();
        for (Component c : Component.values()) {
            String a = parts.get(c);
            String b = other.parts.get(c);
            if (a != null && b != null && !a.equals(b)) {
                out.add(c);
            }
        }
        return out;
    }
}

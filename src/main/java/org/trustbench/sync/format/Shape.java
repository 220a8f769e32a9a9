package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object with a closed set of members (JSON Schema {@code "additionalProperties": false}), each required or
 * optional and nullable or not, plus cross-field checks. Mirrors one object of the schemas in {@code docs/schema/}.
 */
final class Shape implements Rule {

    /** One member: required members must be present; nullable ones may be {@code null}. */
    record Member(String name, boolean required, boolean nullable, Rule rule) {
    }

    /** A check across members, run after every member passed. */
    @FunctionalInterface
    interface CrossCheck {
        void check(Where where, JsonNode object);
    }

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<CrossCheck> crossChecks = new ArrayList<>();

    /** Required, not null. */
    Shape req(String name, Rule rule) {
        return add(new Member(name, true, false, rule));
    }

    /** Required, may be null. */
    Shape reqNullable(String name, Rule rule) {
        return add(new Member(name, true, true, rule));
    }

    /** Optional: absent or null. */
    Shape opt(String name, Rule rule) {
        return add(new Member(name, false, true, rule));
    }

    /** Optional, but not null when present. */
    Shape optNonNull(String name, Rule rule) {
        return add(new Member(name, false, false, rule));
    }

    Shape crossCheck(CrossCheck check) {
        crossChecks.add(check);
        return this;
    }

    private Shape add(Member m) {
        if (members.putIfAbsent(m.name(), m) != null) {
            throw new IllegalStateException("member twice: " + m.name());
        }
        return this;
    }

    Map<String, Member> members() {
        return Collections.unmodifiableMap(members);
    }

    @Override
    public void check(Where where, JsonNode value, Refs refs) {
        if (!value.isObject()) {
            throw where.fail(PackageProblem.FIELD_TYPE, Rules.typeOf(value), "object");
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!members.containsKey(name)) {
                throw where.field(name).fail(PackageProblem.FIELD_UNKNOWN, name, String.join(", ", members.keySet()));
            }
        }
        for (Member m : members.values()) {
            JsonNode v = value.get(m.name());
            Where w = where.field(m.name());
            if (v == null || v.isNull()) {
                if (m.required() && (v == null || !m.nullable())) {
                    throw w.fail(PackageProblem.FIELD_MISSING, v == null ? "" : "null", "");
                }
                if (v != null && !m.nullable()) {
                    throw w.fail(PackageProblem.FIELD_TYPE, "null", "non-null");
                }
                continue;
            }
            m.rule().check(w, v, refs);
        }
        for (CrossCheck c : crossChecks) {
            c.check(where, value);
        }
    }
}

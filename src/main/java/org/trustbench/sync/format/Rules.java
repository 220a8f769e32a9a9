package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.Uscc;

/** The value rules of the format; each mirrors a definition in {@code docs/schema/common.schema.json}. */
final class Rules {

    static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
    static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Rules() {
    }

    /** A leaf rule, named by {@code kind} for the schema cross-check test ({@code allowed} for enums). */
    record Scalar(String kind, List<String> allowed, Rule rule) implements Rule {
        @Override
        public void check(Where where, JsonNode value, Refs refs) {
            rule.check(where, value, refs);
        }
    }

    /** An array whose items all pass {@code items}, with at least {@code minItems}. */
    record ArrayOf(Rule items, int minItems) implements Rule {
        @Override
        public void check(Where where, JsonNode value, Refs refs) {
            if (!value.isArray()) {
                throw where.fail(PackageProblem.FIELD_TYPE, typeOf(value), "array");
            }
            if (value.size() < minItems) {
                throw where.fail(PackageProblem.FIELD_EMPTY, value.size(), minItems);
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                Where w = where.index(i);
                if (item.isNull()) {
                    throw w.fail(PackageProblem.FIELD_TYPE, "null", "non-null");
                }
                items.check(w, item, refs);
            }
        }
    }

    /** An object with free keys (non-empty) whose values all pass {@code values}. */
    record MapOf(Rule values) implements Rule {
        @Override
        public void check(Where where, JsonNode value, Refs refs) {
            if (!value.isObject()) {
                throw where.fail(PackageProblem.FIELD_TYPE, typeOf(value), "object");
            }
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Where w = where.field(e.getKey());
                if (e.getKey().isEmpty()) {
                    throw w.fail(PackageProblem.FIELD_BLANK, "", "");
                }
                if (e.getValue().isNull()) {
                    throw w.fail(PackageProblem.FIELD_TYPE, "null", "non-null");
                }
                values.check(w, e.getValue(), refs);
            }
        }
    }

    /** A string that is not blank, at most {@code max} code points. */
    static Rule text(int max) {
        return new Scalar("text:" + max, List.of(), (w, v, r) -> {
            String s = string(w, v);
            if (s.isBlank()) {
                throw w.fail(PackageProblem.FIELD_BLANK, "", "");
            }
            if (s.codePointCount(0, s.length()) > max) {
                throw w.fail(PackageProblem.FIELD_TOO_LONG, s.codePointCount(0, s.length()), max);
            }
        });
    }

    /** Any string, even empty, at most {@code max} code points. */
    static Rule anyText(int max) {
        return new Scalar("anyText:" + max, List.of(), (w, v, r) -> {
            String s = string(w, v);
            if (s.codePointCount(0, s.length()) > max) {
                throw w.fail(PackageProblem.FIELD_TOO_LONG, s.codePointCount(0, s.length()), max);
            }
        });
    }

    /** A string matching {@code regex} in full; the schema has the same pattern. */
    static Rule pattern(String regex) {
        Pattern p = Pattern.compile(regex);
        return new Scalar("pattern:" + regex, List.of(), (w, v, r) -> {
            String s = string(w, v);
            if (!p.matcher(s).matches()) {
                throw w.fail(PackageProblem.FIELD_FORMAT, s, "^" + regex + "$");
            }
        });
    }

    static Rule hex64() {
        return pattern(HEX64.pattern());
    }

    /** A 64-hex SM3 digest of an attachment that must be in the package. */
    static Rule attachmentRef() {
        Rule hex = hex64();
        return new Scalar("attachmentRef", List.of(), (w, v, r) -> {
            hex.check(w, v, r);
            r.attachment(w, v.textValue());
        });
    }

    static Rule oneOf(List<String> allowed) {
        List<String> copy = List.copyOf(allowed);
        return new Scalar("enum", copy, (w, v, r) -> {
            String s = string(w, v);
            if (!copy.contains(s)) {
                throw w.fail(PackageProblem.FIELD_ENUM, s, String.join(", ", copy));
            }
        });
    }

    static Rule date() {
        return new Scalar("date", List.of(), (w, v, r) -> {
            String s = string(w, v);
            try {
                if (DATE.matcher(s).matches()) {
                    LocalDate.parse(s);
                    return;
                }
            } catch (DateTimeParseException e) {
                // falls through
            }
            throw w.fail(PackageProblem.FIELD_DATE, s, "");
        });
    }

    static Rule instant() {
        return new Scalar("instant", List.of(), (w, v, r) -> {
            String s = string(w, v);
            try {
                if (INSTANT.matcher(s).matches()) {
                    OffsetDateTime.parse(s);
                    return;
                }
            } catch (DateTimeParseException e) {
                // falls through
            }
            throw w.fail(PackageProblem.FIELD_INSTANT, s, "");
        });
    }

    /**
     * A unified social credit code in the right format: 18 characters of the code alphabet, division code digits,
     * upper case. A wrong check character is not a format error: it is a finding for the officer.
     */
    static Rule uscc() {
        return new Scalar("uscc", List.of(), (w, v, r) -> {
            String s = string(w, v);
            if (!s.equals(s.strip().toUpperCase(Locale.ROOT)) || Uscc.validate(s) == Uscc.Result.BAD_FORMAT) {
                throw w.fail(PackageProblem.FIELD_USCC, s, "");
            }
        });
    }

    static Rule bool() {
        return new Scalar("boolean", List.of(), (w, v, r) -> {
            if (!v.isBoolean()) {
                throw w.fail(PackageProblem.FIELD_TYPE, typeOf(v), "boolean");
            }
        });
    }

    /** An integer from {@code min} to {@link Long#MAX_VALUE}. */
    static Rule integer(long min) {
        return new Scalar("integer:" + min, List.of(), (w, v, r) -> {
            if (!v.isIntegralNumber()) {
                throw w.fail(PackageProblem.FIELD_TYPE, typeOf(v), "integer");
            }
            if (!v.canConvertToLong() || v.longValue() < min) {
                throw w.fail(PackageProblem.FIELD_RANGE, v.asText(), min + " …");
            }
        });
    }

    /** An SM2 public key as SubjectPublicKeyInfo PEM. */
    static Rule publicKeyPem() {
        return new Scalar("publicKeyPem", List.of(), (w, v, r) -> {
            String s = string(w, v);
            if (s.length() > 2000 || !s.startsWith("-----BEGIN PUBLIC KEY-----")) {
                throw w.fail(PackageProblem.FIELD_FORMAT, s.lines().findFirst().orElse(""), "SM2 PUBLIC KEY PEM");
            }
            try {
                Sm2.decodePublicKeyPem(s);
            } catch (IllegalArgumentException e) {
                throw w.fail(PackageProblem.FIELD_FORMAT, s.lines().findFirst().orElse(""), "SM2 PUBLIC KEY PEM");
            }
        });
    }

    static Rule array(Rule items, int minItems) {
        return new ArrayOf(items, minItems);
    }

    static Rule mapOf(Rule values) {
        return new MapOf(values);
    }

    private static String string(Where w, JsonNode v) {
        if (!v.isTextual()) {
            throw w.fail(PackageProblem.FIELD_TYPE, typeOf(v), "string");
        }
        return v.textValue();
    }

    /** The JSON type name of a value, as JSON Schema names it. */
    static String typeOf(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "array";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            case OBJECT -> "object";
            case STRING -> "string";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}

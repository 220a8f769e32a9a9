package org.trustbench.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustbench.i18n.UserMessage;

/**
 * Typed, located access to one JSON record of a dataset file. Every failure names the file,
 * the record (1-based position and its identifier) and the field.
 */
final class JsonRecord {

    private final String file;
    private final int index;
    private final String id;
    private final String path;
    private final JsonNode node;

    JsonRecord(String file, int index, String id, JsonNode node) {
        this(file, index, id, "", node);
    }

    private JsonRecord(String file, int index, String id, String path, JsonNode node) {
        this.file = file;
        this.index = index;
        this.id = id;
        this.path = path;
        this.node = node;
    }

    /** The same record identified by {@code newId} (e.g. its case number once read). */
    JsonRecord identifiedAs(String newId) {
        return new JsonRecord(file, index, newId, path, node);
    }

    /** A nested object, e.g. {@code evidence[3]}, reported with its path. */
    JsonRecord child(String field, JsonNode child) {
        return new JsonRecord(file, index, id, fieldPath(field), child);
    }

    DatasetException error(String field, String problem, Object value, Object detail) {
        return new DatasetException(UserMessage.of("dataset.error." + problem, file, index, id,
                fieldPath(field), String.valueOf(value), String.valueOf(detail)), null);
    }

    private String fieldPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void requireObject() {
        if (!node.isObject()) {
            throw error("", "notObject", node.getNodeType(), "");
        }
    }

    /** Refuses properties the format does not define, so a typo does not pass silently. */
    void onlyKnown(Set<String> known) {
        requireObject();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknownField", name, known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    boolean has(String field) {
        return value(field) != null;
    }

    private JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    String text(String field) {
        return optText(field).orElseThrow(() -> error(field, "missing", "", ""));
    }

    Optional<String> optText(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw error(field, "notText", v, "");
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            throw error(field, "blank", "", "");
        }
        return Optional.of(s);
    }

    boolean bool(String field) {
        JsonNode v = value(field);
        if (v == null) {
            throw error(field, "missing", "", "");
        }
        if (!v.isBoolean()) {
            throw error(field, "notBoolean", v, "");
        }
        return v.booleanValue();
    }

    int integer(String field) {
        JsonNode v = value(field);
        if (v == null) {
            throw error(field, "missing", "", "");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw error(field, "notInteger", v, "");
        }
        return v.intValue();
    }

    LocalDate date(String field) {
        return optDate(field).orElseThrow(() -> error(field, "missing", "", ""));
    }

    Optional<LocalDate> optDate(String field) {
        return optText(field).map(s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw error(field, "notDate", s, "");
            }
        });
    }

    OffsetDateTime instant(String field) {
        String s = text(field);
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw error(field, "notInstant", s, "");
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return parseEnum(field, text(field), type);
    }

    <E extends Enum<E>> E parseEnum(String field, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw error(field, "notOneOf", text, allowed(type.getEnumConstants(), Enum::name));
        }
    }

    static <T> String allowed(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }

    List<JsonRecord> objects(String field, boolean nonEmpty) {
        JsonNode v = value(field);
        if (v == null) {
            throw error(field, "missing", "", "");
        }
        if (!v.isArray()) {
            throw error(field, "notArray", v.getNodeType(), "");
        }
        if (nonEmpty && v.isEmpty()) {
            throw error(field, "empty", "", "");
        }
        List<JsonRecord> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonRecord child = child(field + "[" + (i + 1) + "]", v.get(i));
            child.requireObject();
            out.add(child);
        }
        return out;
    }

    List<String> texts(String field, boolean nonEmpty) {
        JsonNode v = value(field);
        if (v == null) {
            throw error(field, "missing", "", "");
        }
        if (!v.isArray()) {
            throw error(field, "notArray", v.getNodeType(), "");
        }
        if (nonEmpty && v.isEmpty()) {
            throw error(field, "empty", "", "");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw error(field + "[" + (i + 1) + "]", "notText", e, "");
            }
            out.add(e.asText());
        }
        return out;
    }

    JsonRecord object(String field) {
        JsonNode v = value(field);
        if (v == null) {
            throw error(field, "missing", "", "");
        }
        JsonRecord child = child(field, v);
        child.requireObject();
        return child;
    }

    /** An object whose values are all strings, in file order. */
    Map<String, String> stringMap(String field) {
        JsonRecord obj = object(field);
        Map<String, String> out = new LinkedHashMap<>();
        obj.node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw obj.error(e.getKey(), "notText", e.getValue(), "");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}

package org.trustbench.sync.format;

import static org.trustbench.sync.format.Rules.array;
import static org.trustbench.sync.format.Rules.bool;
import static org.trustbench.sync.format.Rules.hex64;
import static org.trustbench.sync.format.Rules.instant;
import static org.trustbench.sync.format.Rules.integer;
import static org.trustbench.sync.format.Rules.oneOf;
import static org.trustbench.sync.format.Rules.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** manifest.json: written pretty-printed with {@code \n} line ends, read strictly (schema: manifest.schema.json). */
final class ManifestCodec {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String ATTACHMENT_PREFIX = "attachments/";
    /** A record line is never shorter than this, which bounds the counts a manifest may claim. */
    static final int MIN_RECORD_LINE = 16;

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String PATH_PATTERN =
            "(records/(decision|signoff|inspection|case|registry_update|issuer_key)\\.jsonl|attachments/[0-9a-f]{64})";

    static final Shape SEQUENCE = new Shape().req("from", integer(1)).req("to", integer(1));
    static final Shape ENTRY = new Shape().req("path", pattern(PATH_PATTERN)).req("size", integer(0)).req("sm3", hex64());
    static final Shape SHAPE = new Shape().req("formatVersion", integer(1)).req("packageId", pattern(UUID_PATTERN))
            .req("direction", oneOf(List.of("outbound", "inbound")))
            .req("workstationId", pattern(ManifestHeader.WORKSTATION_ID.pattern())).req("signerKeyId", hex64())
            .reqNullable("sequence", SEQUENCE).req("createdAt", instant()).req("demo", bool())
            .req("counts", Rules.mapOf(integer(0))).req("entries", array(ENTRY, 0));

    /** Entry order: records by type name, then attachments by digest (manifest.json and manifest.sig come first). */
    static final Comparator<String> ENTRY_ORDER = Comparator.comparing((String p) -> p.startsWith(ATTACHMENT_PREFIX))
            .thenComparing(Comparator.naturalOrder());

    private ManifestCodec() {
    }

    static byte[] write(Manifest m) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        ManifestHeader h = m.header();
        o.put("formatVersion", m.formatVersion());
        o.put("packageId", h.packageId().toString());
        o.put("direction", h.direction().json());
        o.put("workstationId", h.workstationId());
        o.put("signerKeyId", m.signerKeyId());
        if (h.sequence() == null) {
            o.putNull("sequence");
        } else {
            o.putObject("sequence").put("from", h.sequence().from()).put("to", h.sequence().to());
        }
        o.put("createdAt", formatInstant(h.createdAt()));
        o.put("demo", h.demo());
        ObjectNode counts = o.putObject("counts");
        m.counts().forEach((t, n) -> counts.put(t.typeName(), n));
        ArrayNode entries = o.putArray("entries");
        for (ManifestEntry e : m.entries()) {
            entries.addObject().put("path", e.path()).put("size", e.size()).put("sm3", e.sm3());
        }
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(lf).withArrayIndenter(lf);
        try {
            return (StrictJson.MAPPER.writer(pretty).writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON tree", e);
        }
    }

    /** An instant as the format writes it: ISO-8601 with offset, seconds always, fraction only when not zero. */
    static String formatInstant(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    /** Checks a parsed manifest against the schema and the format rules; errors carry the line in manifest.json. */
    static Manifest read(byte[] bytes, JsonNode root) {
        try {
            return validate(root);
        } catch (PackageException e) {
            throw e.line() > 0 ? e : e.atLine(StrictJson.lineOf(bytes, e.pointer()));
        }
    }

    private static Manifest validate(JsonNode root) {
        Where where = Where.root(MANIFEST, 0);
        if (!root.isObject()) {
            throw where.fail(PackageProblem.NOT_OBJECT, Rules.typeOf(root), "");
        }
        SHAPE.check(where, root, Rule.Refs.NONE);
        if (root.get("formatVersion").intValue() != Manifest.FORMAT_VERSION) {
            throw where.field("formatVersion").fail(PackageProblem.UNKNOWN_VERSION, root.get("formatVersion"),
                    Manifest.FORMAT_VERSION);
        }
        Direction direction = Direction.fromJson(root.get("direction").textValue()).orElseThrow();
        SequenceRange sequence = sequence(where, root.get("sequence"), direction);

        List<ManifestEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<RecordType, Long> sizes = new LinkedHashMap<>();
        JsonNode list = root.get("entries");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            Where w = where.field("entries").index(i);
            String path = e.get("path").textValue();
            if (!seen.add(path)) {
                throw w.field("path").fail(PackageProblem.DUPLICATE_LISTING, path, "");
            }
            if (!entries.isEmpty() && ENTRY_ORDER.compare(entries.get(entries.size() - 1).path(), path) > 0) {
                throw w.field("path").fail(PackageProblem.LISTING_ORDER, path, entries.get(entries.size() - 1).path());
            }
            long size = e.get("size").longValue();
            if (!path.startsWith(ATTACHMENT_PREFIX)) {
                RecordType type = RecordType.byEntryPath(path).orElseThrow();
                if (type.direction() != direction) {
                    throw w.field("path").fail(PackageProblem.FIELD_ENUM, path, allowedPaths(direction));
                }
                sizes.put(type, size);
            }
            entries.add(new ManifestEntry(path, size, e.get("sm3").textValue()));
        }
        Map<RecordType, Long> counts = counts(where.field("counts"), root.get("counts"), sizes);
        if (sequence != null && direction == Direction.OUTBOUND) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (sequence.size() != total) {
                throw where.field("sequence").fail(PackageProblem.SEQUENCE_SIZE, sequence.from() + "–" + sequence.to(), total);
            }
        }
        ManifestHeader header = new ManifestHeader(UUID.fromString(root.get("packageId").textValue()), direction,
                root.get("workstationId").textValue(), sequence, OffsetDateTime.parse(root.get("createdAt").textValue()),
                root.get("demo").booleanValue());
        return new Manifest(root.get("formatVersion").intValue(), header, root.get("signerKeyId").textValue(), counts,
                entries);
    }

    private static SequenceRange sequence(Where where, JsonNode node, Direction direction) {
        if (node.isNull()) {
            if (direction == Direction.OUTBOUND) {
                throw where.field("sequence").fail(PackageProblem.FIELD_MISSING, "null", direction.json());
            }
            return null;
        }
        long from = node.get("from").longValue();
        long to = node.get("to").longValue();
        if (to < from) {
            throw where.field("sequence").field("to").fail(PackageProblem.FIELD_RANGE, to, from + " …");
        }
        return new SequenceRange(from, to);
    }

    /** Counts: one per record entry and no other; none above what the entry size allows. */
    private static Map<RecordType, Long> counts(Where where, JsonNode node, Map<RecordType, Long> sizes) {
        Map<RecordType, Long> counts = new LinkedHashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            RecordType type = RecordType.byName(name).filter(sizes::containsKey).orElseThrow(() -> where.field(name)
                    .fail(PackageProblem.FIELD_UNKNOWN, name, String.join(", ", sizes.keySet().stream()
                            .map(RecordType::typeName).toList())));
            long n = node.get(name).longValue();
            long max = sizes.get(type) / MIN_RECORD_LINE;
            if (n > max) {
                throw where.field(name).fail(PackageProblem.FIELD_RANGE, n, "0 … " + max);
            }
            counts.put(type, n);
        }
        for (RecordType type : sizes.keySet()) {
            if (!counts.containsKey(type)) {
                throw where.field(type.typeName()).fail(PackageProblem.FIELD_MISSING, "", type.entryPath());
            }
        }
        Map<RecordType, Long> ordered = new LinkedHashMap<>();
        sizes.keySet().forEach(t -> ordered.put(t, counts.get(t)));
        return ordered;
    }

    private static String allowedPaths(Direction direction) {
        return String.join(", ", RecordType.of(direction).stream().map(RecordType::entryPath).toList()) + ", "
                + ATTACHMENT_PREFIX + "<sm3>";
    }
}

package org.trustbench.audit;

import static org.trustbench.db.jooq.Tables.AUDIT_LOG;
import static org.trustbench.db.jooq.Tables.STORE_INFO;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record2;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.jooq.tables.records.AuditLogRecord;

/**
 * The append-only, hash-chained audit log (docs/audit-log.md). Each entry's SM3 hash covers its
 * canonical form, which includes the hash of the entry before it, so a row changed, replaced or
 * deleted in the database breaks the chain and {@link #verify()} names the first entry affected.
 */
public final class AuditRepository {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** Statement fetch size while verifying: rows are streamed, never all held in memory. */
    static final int VERIFY_FETCH_SIZE = 500;
    private static final int MAX_USERNAME = 64;
    private static final int MAX_SUBJECT = 200;
    /** Ints below 10^40 are written as plain integers; beyond, numbers keep BigDecimal's E notation. */
    private static final int MAX_PLAIN_DIGITS = 40;
    /** The store_info row locked while appending, so concurrent appends queue instead of forking the chain. */
    private static final String LOCK_ROW = "workspace";
    private static final DateTimeFormatter AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern WORD_BOUNDARY = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");
    private static final List<String> SECRET_PARTS = List.of("password", "passwd", "secret");
    private static final List<String> SECRET_WORDS = List.of("pin", "pwd");

    private final DSLContext dsl;
    private final Clock clock;

    public AuditRepository(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends an entry inside the caller's transaction: pass {@code tx.dsl()} from your own
     * {@code dsl.transaction(...)}, so the change and its audit entry commit or roll back together.
     * Concurrent appends wait for each other until the earlier transaction ends.
     *
     * @param detail a JSON object: strings, numbers, booleans, enums (their names), dates and times
     *               (ISO text), lists and nested maps; may be null for none
     * @throws IllegalArgumentException if a detail key looks like a secret ({@code password},
     *                                  {@code passwd}, {@code secret}, {@code pin}, at any depth), a value
     *                                  is of another type, or the username or subject is missing or too long
     */
    public AuditEntry append(DSLContext tx, String username, AuditAction action, String subject, Map<String, ?> detail) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(action, "action");
        requireText(username, "username", MAX_USERNAME, false);
        requireText(subject, "subject", MAX_SUBJECT, true);
        String detailJson = canonicalJson(toJson(plain(detail == null ? Map.of() : detail, "detail")));
        Instant instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = OffsetDateTime.ofInstant(instant, clock.getZone());

        tx.select(STORE_INFO.INFO_KEY).from(STORE_INFO).where(STORE_INFO.INFO_KEY.eq(LOCK_ROW)).forUpdate().fetch();
        Record2<Long, String> last = tx.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH).from(AUDIT_LOG)
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 1 : last.value1() + 1;
        String prevHash = last == null ? GENESIS_HASH : last.value2();
        String hash = hash(seq, instant, username, action.name(), subject, detailJson, prevHash);
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SEQ, seq)
                .set(AUDIT_LOG.AT, at)
                .set(AUDIT_LOG.USERNAME, username)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAIL, JSON.valueOf(detailJson))
                .set(AUDIT_LOG.PREV_HASH, prevHash)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        return new AuditEntry(seq, at, username, action, subject, parseDetail(detailJson), prevHash, hash);
    }

    /** Appends an entry in a transaction of its own. See {@link #append(DSLContext, String, AuditAction, String, Map)}. */
    public AuditEntry append(String username, AuditAction action, String subject, Map<String, ?> detail) {
        return dsl.transactionResult(tx -> append(tx.dsl(), username, action, subject, detail));
    }

    /** Entries matching {@code q}, newest first. */
    public List<AuditEntry> list(AuditQuery q) {
        List<Condition> where = new ArrayList<>();
        if (q.subjectContains() != null && !q.subjectContains().isBlank()) {
            where.add(AUDIT_LOG.SUBJECT.containsIgnoreCase(q.subjectContains().strip()));
        }
        if (q.username() != null && !q.username().isBlank()) {
            where.add(AUDIT_LOG.USERNAME.equalIgnoreCase(q.username().strip()));
        }
        ZoneId zone = clock.getZone();
        if (q.from() != null) {
            where.add(AUDIT_LOG.AT.ge(q.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (q.to() != null) {
            where.add(AUDIT_LOG.AT.lt(q.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        var select = dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ.desc());
        return (q.limit() > 0 ? select.limit(q.limit()).fetch() : select.fetch()).map(AuditRepository::entry);
    }

    /** How many entries the log holds. */
    public long count() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    /**
     * Re-computes the whole chain in sequence order and reports the first entry that breaks it:
     * a gap in the sequence (a deleted entry), a hash that no longer matches the entry's content
     * (a changed entry) or a previous hash that is not the hash of the entry before (a replaced
     * entry). Rows are streamed, so memory use does not grow with the log.
     */
    public VerifyResult verify() {
        long expected = 1;
        long checked = 0;
        String previousHash = GENESIS_HASH;
        try (Stream<AuditLogRecord> rows = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ)
                .fetchSize(VERIFY_FETCH_SIZE).stream()) {
            Iterator<AuditLogRecord> it = rows.iterator();
            while (it.hasNext()) {
                AuditLogRecord r = it.next();
                checked++;
                long seq = r.getSeq();
                if (seq > expected) {
                    return VerifyResult.broken(checked, expected, VerifyResult.GAP);
                }
                if (seq < expected) {
                    return VerifyResult.broken(checked, seq, VerifyResult.LINK_BROKEN);
                }
                if (!hashOf(r).equals(r.getHash())) {
                    return VerifyResult.broken(checked, seq, VerifyResult.HASH_MISMATCH);
                }
                if (!previousHash.equals(r.getPrevHash())) {
                    return VerifyResult.broken(checked, seq, VerifyResult.LINK_BROKEN);
                }
                previousHash = r.getHash();
                expected++;
            }
        }
        return VerifyResult.intact(checked);
    }

    private static String hashOf(AuditLogRecord r) {
        String detail = r.getDetail() == null ? "null" : canonicalJson(r.getDetail().data());
        return hash(r.getSeq(), r.getAt().toInstant(), r.getUsername(), r.getAction(), r.getSubject(), detail,
                r.getPrevHash());
    }

    /** SM3 (lower-case hex) of the UTF-8 canonical form, see {@link #canonicalForm}. */
    static String hash(long seq, Instant at, String username, String action, String subject, String canonicalDetailJson,
                       String prevHash) {
        return Sm3.hex(canonicalForm(seq, at, username, action, subject, canonicalDetailJson, prevHash)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code seq|at|username|action|subject|detail|prevHash}: {@code at} as UTC with exactly six
     * fraction digits ({@code 2026-11-20T02:00:00.000000Z}); in username, action and subject a
     * backslash is written {@code \\} and a bar {@code \|}; detail is the canonical JSON.
     */
    static String canonicalForm(long seq, Instant at, String username, String action, String subject,
                                String canonicalDetailJson, String prevHash) {
        return seq + "|" + AT_FORMAT.format(at) + "|" + escape(username) + "|" + escape(action) + "|" + escape(subject)
                + "|" + canonicalDetailJson + "|" + prevHash;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|");
    }

    /**
     * The canonical text of a JSON value: no whitespace, object keys sorted (String order), numbers
     * in their shortest exact form (1.50 → 1.5, 2.0 → 2, -0.0 → 0), strings as Jackson writes them.
     * The same for any JSON text with the same content, so it survives the store's own normalising.
     */
    static String canonicalJson(String json) {
        try {
            return toJson(normalise(Json.MAPPER.readValue(json, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail is not valid JSON", e);
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalise(v)));
            return out;
        }
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (s.signum() == 0) {
                return BigInteger.ZERO;
            }
            if (s.scale() <= 0 && s.precision() - s.scale() <= MAX_PLAIN_DIGITS) {
                return s.toBigIntegerExact();
            }
            return s;
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return BigInteger.valueOf(n.longValue()); // Integer or Long from the parser
        }
        return value;
    }

    /** The caller's detail as plain JSON values, refusing secrets and types JSON cannot hold. */
    private static Object plain(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("audit detail " + path + " is not a finite number");
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("audit detail " + path + " has a key that is not a string");
                }
                if (looksSecret(key)) {
                    throw new IllegalArgumentException("audit detail must never hold a secret: " + path + "." + key);
                }
                out.put(key, plain(e.getValue(), path + "." + key));
            }
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            int i = 0;
            for (Object v : list) {
                out.add(plain(v, path + "[" + i++ + "]"));
            }
            return out;
        }
        if (value instanceof Object[] array) {
            return plain(List.of(array), path);
        }
        throw new IllegalArgumentException("audit detail " + path + " is a " + value.getClass().getSimpleName()
                + "; use strings, numbers, booleans, lists or maps");
    }

    /** True for keys such as {@code password}, {@code newPassword}, {@code db_secret}, {@code pin}, {@code userPin}. */
    static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (SECRET_PARTS.stream().anyMatch(lower::contains)) {
            return true;
        }
        for (String word : WORD_BOUNDARY.split(key)) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void requireText(String value, String name, int max, boolean mayBeEmpty) {
        if (value == null || (!mayBeEmpty && value.isBlank())) {
            throw new IllegalArgumentException("audit " + name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("audit " + name + " is longer than " + max + " characters");
        }
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail cannot be written as JSON", e);
        }
    }

    private static AuditEntry entry(AuditLogRecord r) {
        return new AuditEntry(r.getSeq(), r.getAt(), r.getUsername(), action(r.getAction()), r.getSubject(),
                parseDetail(r.getDetail() == null ? "{}" : r.getDetail().data()), r.getPrevHash(), r.getHash());
    }

    private static AuditAction action(String name) {
        try {
            return AuditAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseDetail(String json) {
        try {
            Object value = normalise(Json.MAPPER.readValue(json, Object.class));
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("", value);
            return wrapped;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail is not valid JSON", e);
        }
    }

    /** Made on first use, not when the services are wired at start (the first ObjectMapper loads hundreds of classes). */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }
}

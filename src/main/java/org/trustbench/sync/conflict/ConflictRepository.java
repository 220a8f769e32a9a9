package org.trustbench.sync.conflict;

import static org.trustbench.db.jooq.Tables.SYNC_CONFLICT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.trustbench.db.StoreJson;

/** The conflicts an import recorded and their resolutions. Writes take the caller's transaction. */
public final class ConflictRepository {


    private final DSLContext dsl;

    /** A conflict with what the resolution needs: the incoming record as the package carried it, and where. */
    public record Stored(Conflict conflict, String entryPath, long line, String incomingRecord) {
    }

    /** A conflict to record: {@code incomingRecord} is the record's JSON text. */
    public record NewConflict(String packageId, ConflictKind kind, String caseNo, String providerUscc, String recordKey,
                              String entryPath, long line, List<ConflictField> fields, String incomingRecord) {
    }

    public ConflictRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public DSLContext dsl() {
        return dsl;
    }

    public long insert(DSLContext tx, NewConflict c, OffsetDateTime detectedAt) {
        return tx.insertInto(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.PACKAGE_ID, c.packageId())
                .set(SYNC_CONFLICT.KIND, c.kind().name())
                .set(SYNC_CONFLICT.CASE_NO, c.caseNo())
                .set(SYNC_CONFLICT.PROVIDER_USCC, c.providerUscc())
                .set(SYNC_CONFLICT.RECORD_KEY, c.recordKey())
                .set(SYNC_CONFLICT.STATUS, ConflictStatus.OPEN.name())
                .set(SYNC_CONFLICT.DETECTED_AT, detectedAt)
                .set(SYNC_CONFLICT.ENTRY_PATH, c.entryPath())
                .set(SYNC_CONFLICT.LINE_NO, c.line())
                .set(SYNC_CONFLICT.FIELDS, JSON.valueOf(fieldsJson(c.fields())))
                .set(SYNC_CONFLICT.INCOMING_RECORD, JSON.valueOf(c.incomingRecord()))
                .returningResult(SYNC_CONFLICT.ID)
                .fetchOne().value1();
    }

    public List<Conflict> list(boolean openOnly) {
        Condition where = openOnly ? SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name()) : DSL.noCondition();
        List<Conflict> out = new ArrayList<>();
        dsl.selectFrom(SYNC_CONFLICT).where(where).orderBy(SYNC_CONFLICT.ID).fetch()
                .forEach(r -> out.add(toConflict(r)));
        return List.copyOf(out);
    }

    public Optional<Conflict> find(long id) {
        return dsl.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id)).fetchOptional().map(ConflictRepository::toConflict);
    }

    /** The conflict, locked for the rest of {@code tx}. */
    public Optional<Stored> lock(DSLContext tx, long id) {
        return tx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> new Stored(toConflict(r), r.get(SYNC_CONFLICT.ENTRY_PATH), r.get(SYNC_CONFLICT.LINE_NO),
                        r.get(SYNC_CONFLICT.INCOMING_RECORD).data()));
    }

    /** The open conflicts of {@code kind} on {@code recordKey} (case number, USCC or decisionId), locked. */
    public List<Stored> lockOpen(DSLContext tx, ConflictKind kind, String recordKey) {
        return tx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name()))
                .and(SYNC_CONFLICT.KIND.eq(kind.name())).and(SYNC_CONFLICT.RECORD_KEY.eq(recordKey))
                .orderBy(SYNC_CONFLICT.ID).forUpdate()
                .fetch(r -> new Stored(toConflict(r), r.get(SYNC_CONFLICT.ENTRY_PATH), r.get(SYNC_CONFLICT.LINE_NO),
                        r.get(SYNC_CONFLICT.INCOMING_RECORD).data()));
    }

    /** Whether any conflict (open or resolved) of {@code kind} was recorded on {@code recordKey}. */
    public boolean exists(DSLContext tx, ConflictKind kind, String recordKey) {
        return tx.fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.KIND.eq(kind.name()).and(SYNC_CONFLICT.RECORD_KEY.eq(recordKey)));
    }

    /** The status of the newest conflict of {@code kind} on {@code recordKey}, if any. */
    public java.util.Optional<ConflictStatus> latestStatus(DSLContext tx, ConflictKind kind, String recordKey) {
        return tx.select(SYNC_CONFLICT.STATUS).from(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.KIND.eq(kind.name()).and(SYNC_CONFLICT.RECORD_KEY.eq(recordKey)))
                .orderBy(SYNC_CONFLICT.ID.desc()).limit(1).fetchOptional(r -> ConflictStatus.valueOf(r.value1()));
    }

    /** Replaces the stored incoming record (a held decision collecting its sign-offs). */
    public void updateIncoming(DSLContext tx, long id, String incomingRecord) {
        tx.update(SYNC_CONFLICT).set(SYNC_CONFLICT.INCOMING_RECORD, JSON.valueOf(incomingRecord))
                .where(SYNC_CONFLICT.ID.eq(id)).execute();
    }

    public long openCount() {
        return dsl.fetchCount(SYNC_CONFLICT, SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name()));
    }

    public void resolve(DSLContext tx, long id, ConflictStatus status, String actor, OffsetDateTime at, String note) {
        tx.update(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.STATUS, status.name())
                .set(SYNC_CONFLICT.RESOLVED_BY, actor)
                .set(SYNC_CONFLICT.RESOLVED_AT, at)
                .set(SYNC_CONFLICT.NOTE, note)
                .where(SYNC_CONFLICT.ID.eq(id))
                .execute();
    }

    private static Conflict toConflict(Record r) {
        return new Conflict(r.get(SYNC_CONFLICT.ID), r.get(SYNC_CONFLICT.PACKAGE_ID),
                ConflictKind.valueOf(r.get(SYNC_CONFLICT.KIND)), r.get(SYNC_CONFLICT.CASE_NO),
                r.get(SYNC_CONFLICT.PROVIDER_USCC), ConflictStatus.valueOf(r.get(SYNC_CONFLICT.STATUS)),
                r.get(SYNC_CONFLICT.DETECTED_AT), parseFields(r.get(SYNC_CONFLICT.FIELDS).data()),
                r.get(SYNC_CONFLICT.RESOLVED_BY), r.get(SYNC_CONFLICT.RESOLVED_AT), r.get(SYNC_CONFLICT.NOTE));
    }

    static String fieldsJson(List<ConflictField> fields) {
        ArrayNode a = StoreJson.mapper().createArrayNode();
        for (ConflictField f : fields) {
            ObjectNode o = a.addObject();
            o.put("name", f.name());
            o.put("local", f.local());
            o.put("incoming", f.incoming());
        }
        return a.toString();
    }

    static List<ConflictField> parseFields(String json) {
        try {
            List<ConflictField> out = new ArrayList<>();
            for (JsonNode o : StoreJson.mapper().readTree(json)) {
                out.add(new ConflictField(o.get("name").textValue(), text(o.get("local")), text(o.get("incoming"))));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conflict fields are JSON", e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.textValue();
    }
}

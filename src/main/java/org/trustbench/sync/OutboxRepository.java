package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.OUTBOX;
import static org.trustbench.db.jooq.Tables.STORE_INFO;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The outbox: every change that must leave this workstation, appended inside the transaction that
 * makes the change, under a gap-free sequence number.
 */
public final class OutboxRepository {

    private final DSLContext dsl;
    private final Clock clock;

    public OutboxRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Appends a record inside the caller's transaction. The store's workspace row is locked first so
     * concurrent appends take their turn and the sequence stays gap-free (the same lock the audit log uses).
     */
    public long append(DSLContext tx, String type, String key, String payloadJson) {
        tx.select(STORE_INFO.INFO_VALUE).from(STORE_INFO).where(STORE_INFO.INFO_KEY.eq("workspace")).forUpdate().fetch();
        Long max = tx.select(DSL.max(OUTBOX.SEQ)).from(OUTBOX).fetchOne(0, Long.class);
        long seq = max == null ? 1 : max + 1;
        tx.insertInto(OUTBOX)
                .set(OUTBOX.SEQ, seq)
                .set(OUTBOX.RECORD_TYPE, type)
                .set(OUTBOX.RECORD_KEY, key)
                .set(OUTBOX.PAYLOAD, JSON.valueOf(payloadJson))
                .set(OUTBOX.CREATED_AT, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .execute();
        return seq;
    }

    /** Streams the records with {@code from <= seq <= to} in sequence order, without holding them in memory. */
    public void forEach(long from, long to, Consumer<OutboxRecord> sink) {
        try (var rows = dsl.selectFrom(OUTBOX).where(OUTBOX.SEQ.between(from, to)).orderBy(OUTBOX.SEQ).fetchSize(500).stream()) {
            rows.forEach(r -> sink.accept(new OutboxRecord(r.getSeq(), r.getRecordType(), r.getRecordKey(), r.getPayload().data(),
                    r.getCreatedAt(), r.getExportedIn())));
        }
    }

    /** One outbox row as the export needs it. */
    @FunctionalInterface
    public interface PayloadSink {
        void accept(long seq, String type, String payload);
    }

    /** Streams seq, type and payload of {@code from <= seq <= to} in sequence order: one read for the whole export. */
    public void forEachPayload(long from, long to, PayloadSink sink) {
        try (var rows = dsl.select(OUTBOX.SEQ, OUTBOX.RECORD_TYPE, OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.SEQ.between(from, to))
                .orderBy(OUTBOX.SEQ).fetchSize(1000).fetchLazy()) {
            for (var r : rows) {
                sink.accept(r.value1(), r.value2(), r.value3().data());
            }
        }
    }

    public List<OutboxRecord> list(long from, long to) {
        List<OutboxRecord> out = new java.util.ArrayList<>();
        forEach(from, to, out::add);
        return out;
    }

    public long lastSeq() {
        Long max = dsl.select(DSL.max(OUTBOX.SEQ)).from(OUTBOX).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** The highest sequence number already carried by an export (0 if none). */
    public long lastExportedSeq() {
        Long max = dsl.select(DSL.max(OUTBOX.SEQ)).from(OUTBOX).where(OUTBOX.EXPORTED_IN.isNotNull()).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** Marks a range as carried by {@code packageId}, inside the caller's transaction. */
    public int markExported(DSLContext tx, long from, long to, String packageId) {
        return tx.update(OUTBOX).set(OUTBOX.EXPORTED_IN, packageId).where(OUTBOX.SEQ.between(from, to)).execute();
    }
}

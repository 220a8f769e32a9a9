package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.OUTBOX;
import static org.trustbench.db.jooq.Tables.STORE_INFO;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The outbox: every change that must leave this workstation, appended inside the transaction that
 * makes the change, under a gap-free sequence number. Which records are exported is not stored per record: it is
 * derived from the finished outbound packages' ranges in {@code sync_package} (V6), so an export marks its whole range
 * with the one row that completes it.
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

    /** The result of a finished export in {@code sync_package}. */
    static final String EXPORTED = "EXPORTED";

    /** The finished exports (EXPORTED OUTBOUND packages) of this store. */
    static Condition finishedExport() {
        return SYNC_PACKAGE.DIRECTION.eq("OUTBOUND").and(SYNC_PACKAGE.RESULT.eq(EXPORTED));
    }

    /** True for an outbox record that a finished export carried (for counts over the outbox). */
    public static Condition exported() {
        return DSL.exists(DSL.selectOne().from(SYNC_PACKAGE).where(finishedExport())
                .and(OUTBOX.SEQ.between(SYNC_PACKAGE.SEQ_FROM, SYNC_PACKAGE.SEQ_TO)));
    }

    /**
     * The first finished export whose range holds the outbox record (the one that took it out; a re-export of the
     * range carries it again), or null.
     */
    private static Field<String> exportedIn() {
        return DSL.field(DSL.select(SYNC_PACKAGE.PACKAGE_ID).from(SYNC_PACKAGE).where(finishedExport())
                .and(OUTBOX.SEQ.between(SYNC_PACKAGE.SEQ_FROM, SYNC_PACKAGE.SEQ_TO))
                .orderBy(SYNC_PACKAGE.PROCESSED_AT, SYNC_PACKAGE.PACKAGE_ID).limit(1));
    }

    /** Streams the records with {@code from <= seq <= to} in sequence order, without holding them in memory. */
    public void forEach(long from, long to, Consumer<OutboxRecord> sink) {
        Field<String> exportedIn = exportedIn();
        try (var rows = dsl.select(OUTBOX.SEQ, OUTBOX.RECORD_TYPE, OUTBOX.RECORD_KEY, OUTBOX.PAYLOAD, OUTBOX.CREATED_AT, exportedIn)
                .from(OUTBOX).where(OUTBOX.SEQ.between(from, to)).orderBy(OUTBOX.SEQ).fetchSize(500).stream()) {
            rows.forEach(r -> sink.accept(new OutboxRecord(r.value1(), r.value2(), r.value3(), r.value4().data(), r.value5(),
                    r.value6())));
        }
    }

    /** One outbox row as the export needs it: the payload as the UTF-8 bytes of its JSON, as stored. */
    @FunctionalInterface
    public interface PayloadSink {
        void accept(long seq, String type, byte[] payload);
    }

    /**
     * Streams seq, type and payload of {@code from <= seq <= to} in sequence order: one read for the whole export,
     * straight from the result set (no record objects, no JSON-to-String decoding).
     */
    public void forEachPayload(long from, long to, PayloadSink sink) {
        try (ResultSet rs = dsl.select(OUTBOX.SEQ, OUTBOX.RECORD_TYPE, OUTBOX.PAYLOAD).from(OUTBOX)
                .where(OUTBOX.SEQ.between(from, to)).orderBy(OUTBOX.SEQ).fetchSize(1000).fetchResultSet()) {
            while (rs.next()) {
                sink.accept(rs.getLong(1), rs.getString(2), rs.getBytes(3));
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the outbox " + from + "-" + to, e);
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

    /**
     * The highest sequence number already carried by an export (0 if none): the end of the newest finished export's
     * range (as the highest record marked exported was before V6).
     */
    public long lastExportedSeq() {
        Long max = dsl.select(DSL.max(SYNC_PACKAGE.SEQ_TO)).from(SYNC_PACKAGE).where(finishedExport()).fetchOne(0, Long.class);
        return max == null ? 0 : Math.min(max, lastSeq());
    }
}

package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.trustbench.db.IdList;
import org.trustbench.domain.CaseStatus;
import org.trustbench.db.StoreJson;

/** The package history and the case status changes that an export or import makes. Writes take the caller's transaction. */
public final class SyncPackageRepository {

    private final DSLContext dsl;

    public SyncPackageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * The cases still DECIDED, case number to id, read by the status index: in practice about the ones an export is
     * about to carry (a decided case waits for its export), often none. Looking the carried case numbers up one by one
     * took half of a 100,000-decision export (random reads of a large store), and binding them all as parameters failed
     * past about 100,000 (H2's limit).
     */
    public Map<String, Long> decidedCases() {
        Map<String, Long> decided = new HashMap<>();
        dsl.select(FILING_CASE.ID, FILING_CASE.CASE_NO).from(FILING_CASE)
                .where(FILING_CASE.STATUS.eq(CaseStatus.DECIDED.name()))
                .forEach(r -> decided.put(r.value2(), r.value1()));
        return decided;
    }

    /** DECIDED → EXPORTED for these cases, by id, {@link IdList#MAX} at a time; a case no longer DECIDED stays as it is. */
    public int markExported(DSLContext tx, List<Long> ids) {
        int marked = 0;
        for (int from = 0; from < ids.size(); from += IdList.MAX) {
            marked += tx.update(FILING_CASE).set(FILING_CASE.STATUS, CaseStatus.EXPORTED.name())
                    .where(IdList.of(ids.subList(from, Math.min(ids.size(), from + IdList.MAX))).contains(FILING_CASE.ID))
                    .and(FILING_CASE.STATUS.eq(CaseStatus.DECIDED.name())).execute();
        }
        return marked;
    }

    public void record(DSLContext tx, String packageId, String direction, OffsetDateTime at, String signerKey, Long from, Long to,
                       Map<String, Long> counts, String result, String fileName) {
        try {
            tx.insertInto(SYNC_PACKAGE)
                    .set(SYNC_PACKAGE.PACKAGE_ID, packageId)
                    .set(SYNC_PACKAGE.DIRECTION, direction)
                    .set(SYNC_PACKAGE.PROCESSED_AT, at)
                    .set(SYNC_PACKAGE.SIGNER_KEY, signerKey)
                    .set(SYNC_PACKAGE.SEQ_FROM, from)
                    .set(SYNC_PACKAGE.SEQ_TO, to)
                    .set(SYNC_PACKAGE.COUNTS, JSON.valueOf(StoreJson.mapper().writeValueAsString(counts)))
                    .set(SYNC_PACKAGE.RESULT, result)
                    .set(SYNC_PACKAGE.FILE_NAME, fileName)
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts are plain numbers", e);
        }
    }

    /** The result of an export that was started (its package id and range fixed) but not yet marked done. */
    public static final String PENDING = "PENDING";

    /** An export started but not finished: written before the package file, completed with the marks. */
    public record PendingExport(String packageId, OffsetDateTime createdAt, long from, long to, String fileName) {
    }

    /** Records an export about to be written, in its own transaction, before any byte of the package is. */
    public void recordPending(PendingExport p, String signerKey) {
        dsl.transaction(tx -> record(tx.dsl(), p.packageId(), "OUTBOUND", p.createdAt(), signerKey, p.from(), p.to(), Map.of(),
                PENDING, p.fileName()));
    }

    /** The oldest unfinished export, if a crash left one. */
    public java.util.Optional<PendingExport> pendingExport() {
        return dsl.selectFrom(SYNC_PACKAGE).where(SYNC_PACKAGE.RESULT.eq(PENDING)).and(SYNC_PACKAGE.DIRECTION.eq("OUTBOUND"))
                .orderBy(SYNC_PACKAGE.SEQ_FROM).limit(1)
                .fetchOptional(r -> new PendingExport(r.getPackageId(), r.getProcessedAt(), r.getSeqFrom(), r.getSeqTo(),
                        r.getFileName()));
    }

    /** Forgets an export that was cancelled or failed before its package was in place. */
    public void dropPending(String packageId) {
        dsl.deleteFrom(SYNC_PACKAGE).where(SYNC_PACKAGE.PACKAGE_ID.eq(packageId)).and(SYNC_PACKAGE.RESULT.eq(PENDING)).execute();
    }

    /**
     * Turns a pending export into a finished one, inside the caller's transaction. This also marks its range's outbox
     * records exported: that state is derived from the finished exports' ranges ({@link OutboxRepository}).
     */
    public void completeExport(DSLContext tx, String packageId, Map<String, Long> counts, String fileName) {
        try {
            int n = tx.update(SYNC_PACKAGE)
                    .set(SYNC_PACKAGE.COUNTS, JSON.valueOf(StoreJson.mapper().writeValueAsString(counts)))
                    .set(SYNC_PACKAGE.RESULT, OutboxRepository.EXPORTED)
                    .set(SYNC_PACKAGE.FILE_NAME, fileName)
                    .where(SYNC_PACKAGE.PACKAGE_ID.eq(packageId)).and(SYNC_PACKAGE.RESULT.eq(PENDING)).execute();
            if (n != 1) {
                throw new IllegalStateException("no pending export " + packageId);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts are plain numbers", e);
        }
    }

    /** One package this store exported or imported. */
    public record Entry(String packageId, String direction, OffsetDateTime processedAt, String signerKey, Long from, Long to,
                        String counts, String result, String fileName) {
    }

    /** The package history, newest first (exports still pending are not history yet). */
    public java.util.List<Entry> history() {
        return dsl.selectFrom(SYNC_PACKAGE).where(SYNC_PACKAGE.RESULT.ne(PENDING)).orderBy(SYNC_PACKAGE.PROCESSED_AT.desc(), SYNC_PACKAGE.PACKAGE_ID)
                .fetch(r -> new Entry(r.getPackageId(), r.getDirection(), r.getProcessedAt(), r.getSignerKey(), r.getSeqFrom(),
                        r.getSeqTo(), r.getCounts().data(), r.getResult(), r.getFileName()));
    }

    public boolean known(String packageId) {
        return dsl.fetchExists(SYNC_PACKAGE, SYNC_PACKAGE.PACKAGE_ID.eq(packageId));
    }
}

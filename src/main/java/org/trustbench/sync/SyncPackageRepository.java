package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.trustbench.domain.CaseStatus;

/** The package history and the case status changes that an export or import makes. Writes take the caller's transaction. */
public final class SyncPackageRepository {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private final DSLContext dsl;

    public SyncPackageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** H2 holds at most 65,536 elements in one array value; the marks bind slices well below that. */
    static final int MARK_SLICE = 10_000;

    /**
     * DECIDED → EXPORTED for the cases whose decisions an export carried: set-based UPDATEs, each with a slice of the
     * case numbers bound as one array ({@code = ANY(?)}), so any number of them fits. (jOOQ's own {@code eq(any(array))}
     * renders one parameter per element for H2, which H2 refuses past about 100,000.)
     */
    public int markCasesExported(DSLContext tx, Collection<String> caseNos) {
        String[] all = caseNos.toArray(String[]::new);
        int marked = 0;
        for (int from = 0; from < all.length; from += MARK_SLICE) {
            String[] slice = Arrays.copyOfRange(all, from, Math.min(all.length, from + MARK_SLICE));
            marked += tx.update(FILING_CASE).set(FILING_CASE.STATUS, CaseStatus.EXPORTED.name())
                    .where(DSL.condition("{0} = ANY({1})", FILING_CASE.CASE_NO, DSL.val(slice)))
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
                    .set(SYNC_PACKAGE.COUNTS, JSON.valueOf(JSON_MAPPER.writeValueAsString(counts)))
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
                    .set(SYNC_PACKAGE.COUNTS, JSON.valueOf(JSON_MAPPER.writeValueAsString(counts)))
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

package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;
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

    /** DECIDED → EXPORTED for the cases whose decisions an export carried. */
    public int markCasesExported(DSLContext tx, Collection<String> caseNos) {
        return tx.update(FILING_CASE).set(FILING_CASE.STATUS, CaseStatus.EXPORTED.name())
                .where(FILING_CASE.CASE_NO.in(caseNos)).and(FILING_CASE.STATUS.eq(CaseStatus.DECIDED.name())).execute();
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

    /** One package this store exported or imported. */
    public record Entry(String packageId, String direction, OffsetDateTime processedAt, String signerKey, Long from, Long to,
                        String counts, String result, String fileName) {
    }

    /** The package history, newest first. */
    public java.util.List<Entry> history() {
        return dsl.selectFrom(SYNC_PACKAGE).orderBy(SYNC_PACKAGE.PROCESSED_AT.desc(), SYNC_PACKAGE.PACKAGE_ID)
                .fetch(r -> new Entry(r.getPackageId(), r.getDirection(), r.getProcessedAt(), r.getSignerKey(), r.getSeqFrom(),
                        r.getSeqTo(), r.getCounts().data(), r.getResult(), r.getFileName()));
    }

    public boolean known(String packageId) {
        return dsl.fetchExists(SYNC_PACKAGE, SYNC_PACKAGE.PACKAGE_ID.eq(packageId));
    }
}

package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import org.jooq.DSLContext;

/** The look-ups an import makes inside its transaction. Stateless: every method takes the caller's transaction. */
public final class ImportRepository {

    private ImportRepository() {
    }

    public static boolean packageKnown(DSLContext tx, String packageId) {
        return tx.fetchExists(SYNC_PACKAGE, SYNC_PACKAGE.PACKAGE_ID.eq(packageId));
    }

    public static boolean caseExists(DSLContext tx, String caseNo) {
        return tx.fetchExists(FILING_CASE, FILING_CASE.CASE_NO.eq(caseNo));
    }

    public static boolean blobExists(DSLContext tx, String sm3) {
        return tx.fetchExists(ATTACHMENT_BLOB, ATTACHMENT_BLOB.SM3.eq(sm3));
    }
}

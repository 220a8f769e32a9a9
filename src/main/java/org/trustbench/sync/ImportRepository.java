package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;

import org.jooq.DSLContext;

/** The look-ups an import makes inside its transaction. Stateless: every method takes the caller's transaction. */
public final class ImportRepository {

    private ImportRepository() {
    }

    public static boolean packageKnown(DSLContext tx, String packageId) {
        return tx.fetchExists(SYNC_PACKAGE, SYNC_PACKAGE.PACKAGE_ID.eq(packageId));
    }
}

package org.trustbench.sync.conflict;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Applies the incoming side of a conflict inside the resolution's transaction (implemented by the import, which
 * knows the record types). Throws a {@link org.trustbench.i18n.UserException} naming the reason when applying is no
 * longer possible (e.g. the case has been decided meanwhile).
 */
@FunctionalInterface
public interface IncomingApplier {

    /** @return the ids of the cases whose rules must be re-run once the transaction has committed */
    List<Long> apply(DSLContext tx, ConflictRepository.Stored conflict, String actor);
}

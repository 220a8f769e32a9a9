package org.trustbench.sync;

import java.util.List;
import org.jooq.DSLContext;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.IncomingApplier;

/** Applies the incoming side of a conflict when an officer chooses it, with the appliers the import uses. */
final class ConflictApplier implements IncomingApplier {

    private final InboundApplier inbound;
    private final RegistryUpdateApplier registry;
    private final OutboundApplier outbound;

    ConflictApplier(InboundApplier inbound, RegistryUpdateApplier registry, OutboundApplier outbound) {
        this.inbound = inbound;
        this.registry = registry;
        this.outbound = outbound;
    }

    @Override
    public List<Long> apply(DSLContext tx, ConflictRepository.Stored conflict, String actor) {
        return switch (conflict.conflict().kind()) {
            case CASE_EXISTS -> inbound.resolveCaseExists(tx, conflict);
            case REGISTRY_UPDATE_ON_DECIDED -> registry.resolve(tx, conflict);
            case DECISION_CONFLICT -> outbound.resolve(tx, conflict, actor);
        };
    }
}

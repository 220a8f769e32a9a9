package org.trustbench.sync.conflict;

/** Why an incoming record was not applied on import (docs/sync-format.md, "Conflicts"). */
public enum ConflictKind {
    /** An inbound {@code case} whose case number the store already has, with different content. */
    CASE_EXISTS,
    /** An inbound {@code registry_update} for a provider with a case decided locally. */
    REGISTRY_UPDATE_ON_DECIDED,
    /** An outbound {@code decision} for a case with an effective local decision it does not supersede. */
    DECISION_CONFLICT
}

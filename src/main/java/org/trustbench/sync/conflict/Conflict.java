package org.trustbench.sync.conflict;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incoming record an import did not apply because it would have overwritten local work. It waits, OPEN, until an
 * officer keeps the local side or applies the incoming one ({@link ConflictService#resolve}).
 *
 * @param caseNo       the case concerned ({@code null} for a registry update, which concerns a provider)
 * @param providerUscc the provider concerned
 * @param fields       local and incoming values side by side
 */
public record Conflict(long id, String packageId, ConflictKind kind, String caseNo, String providerUscc, ConflictStatus status,
                       OffsetDateTime detectedAt, List<ConflictField> fields, String resolvedBy,
                       OffsetDateTime resolvedAt, String note) {

    public Conflict {
        fields = List.copyOf(fields);
    }

    public boolean isOpen() {
        return status == ConflictStatus.OPEN;
    }
}

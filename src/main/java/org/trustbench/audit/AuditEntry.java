package org.trustbench.audit;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the tamper-evident audit log (see docs/audit-log.md).
 *
 * @param seq      position in the chain, 1 for the first entry, without gaps
 * @param at       when it happened, to the microsecond
 * @param username who did it
 * @param action   what was done; null only if the stored action is not a known {@link AuditAction}
 *                 (the row was changed by hand; {@code verify} reports it)
 * @param subject  what it was done to: a case number, a username, a dataset name …
 * @param detail   more about it, a JSON object: strings, numbers, booleans, lists and objects; never a secret
 * @param prevHash {@link #hash} of the entry before, 64 zeros for the first entry
 * @param hash     lower-case hex SM3 of the entry's canonical form, which includes {@code prevHash}
 */
public record AuditEntry(long seq, OffsetDateTime at, String username, AuditAction action, String subject,
                         Map<String, Object> detail, String prevHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }
}

package org.trustbench.sync;

import java.time.OffsetDateTime;

/**
 * One change waiting to leave this workstation.
 *
 * @param seq        gap-free, increasing sequence number
 * @param type       record type of the sync format, e.g. {@code decision}
 * @param key        the record's identity within its type, e.g. the decision id
 * @param payload    the record as compact JSON
 * @param exportedIn the first finished export that carried it, {@code null} until exported (derived from the
 *                   exports' ranges in {@code sync_package})
 */
public record OutboxRecord(long seq, String type, String key, String payload, OffsetDateTime createdAt, String exportedIn) {
}

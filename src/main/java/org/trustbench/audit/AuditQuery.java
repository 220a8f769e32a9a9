package org.trustbench.audit;

import java.time.LocalDate;

/**
 * Which audit entries to list, newest first. Every criterion is optional (null or blank means any).
 *
 * @param subjectContains part of the subject, e.g. a case number; case-insensitive
 * @param username        exactly this user (case-insensitive)
 * @param from            on or after this day, in the store clock's time zone
 * @param to              on or before this day, in the store clock's time zone
 * @param limit           at most this many entries; 0 or less means all
 */
public record AuditQuery(String subjectContains, String username, LocalDate from, LocalDate to, int limit) {

    /** Everything, newest first, at most {@code limit} entries. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, limit);
    }
}

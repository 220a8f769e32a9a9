package org.trustbench.domain;

/**
 * The evidence item and field a finding is about.
 *
 * @param evidenceId the evidence item's id, or {@link #CASE} for facts of the case itself
 * @param field      the field within it, or {@code null} for the whole item
 */
public record EvidenceRef(long evidenceId, String field) {

    /** Marks a reference to the case record (provider, equipment, performer) rather than an evidence item. */
    public static final long CASE = 0;

    public static EvidenceRef caseField(String field) {
        return new EvidenceRef(CASE, field);
    }
}

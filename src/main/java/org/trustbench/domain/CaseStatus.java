package org.trustbench.domain;

/** Workflow state of a filing case. */
public enum CaseStatus {
    RECEIVED,
    IN_REVIEW,
    PENDING_SIGNOFF,
    DECIDED,
    EXPORTED;

    /** Still waiting for an officer's decision. */
    public boolean isOpen() {
        return this == RECEIVED || this == IN_REVIEW || this == PENDING_SIGNOFF;
    }
}

package org.trustbench.caseq;

/** Columns the queue can be sorted by. */
public enum SortKey {
    CASE_NO,
    PROVIDER,
    USCC,
    SERVICES,
    RECEIVED,
    DEADLINE,
    STATUS,
    ASSIGNEE,
    /** Highest severity first, then most findings. */
    FINDINGS
}

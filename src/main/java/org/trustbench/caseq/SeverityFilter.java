package org.trustbench.caseq;

import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.Severity;

/** Filters the queue on a case's highest finding. */
public enum SeverityFilter {
    BLOCKER,
    WARNING,
    INFO,
    /** Checked, no findings. */
    CLEAN,
    /** Never checked. */
    UNCHECKED;

    public boolean test(CaseSummary s) {
        return switch (this) {
            case BLOCKER -> s.maxSeverity() == Severity.BLOCKER;
            case WARNING -> s.maxSeverity() == Severity.WARNING;
            case INFO -> s.maxSeverity() == Severity.INFO;
            case CLEAN -> s.checked() && s.findingCount() == 0;
            case UNCHECKED -> !s.checked();
        };
    }
}

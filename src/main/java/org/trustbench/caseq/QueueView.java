package org.trustbench.caseq;

import java.time.LocalDate;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;

/** Ready-made views of the queue for the signed-in officer. */
public enum QueueView {
    ALL,
    /** Cases assigned to the officer. */
    MINE,
    /** Overrides by someone else waiting for this supervisor's sign-off. */
    AWAITING_MY_SIGNOFF,
    /** Cases decided today. */
    DECIDED_TODAY;

    /**
     * Who is looking, for the views that depend on it.
     *
     * @param supervisor whether the viewer may sign off overrides
     */
    public record Viewer(String username, String displayName, boolean supervisor, LocalDate today) {
        public static final Viewer NOBODY = new Viewer("", "", false, LocalDate.MIN);
    }

    public boolean test(CaseSummary s, Viewer v) {
        return switch (this) {
            case ALL -> true;
            case MINE -> v.displayName().equals(s.assignee()) || v.username().equals(s.assignee());
            case AWAITING_MY_SIGNOFF -> v.supervisor() && s.status() == CaseStatus.PENDING_SIGNOFF
                    && !v.username().equals(s.lastDecidedBy());
            case DECIDED_TODAY -> (s.status() == CaseStatus.DECIDED || s.status() == CaseStatus.EXPORTED)
                    && v.today().equals(s.lastDecidedOn());
        };
    }
}

package org.trustbench.decision;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.trustbench.domain.CaseStatus;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * The case workflow: RECEIVED → IN_REVIEW → (PENDING_SIGNOFF) → DECIDED → EXPORTED.
 * A sign-off sends a case on to DECIDED or back to IN_REVIEW; a correction of a decided or
 * exported case is a new decision (DECIDED, or PENDING_SIGNOFF when it overrides a blocker).
 */
public final class Workflow {

    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = new EnumMap<>(CaseStatus.class);

    static {
        ALLOWED.put(CaseStatus.RECEIVED, EnumSet.of(CaseStatus.IN_REVIEW));
        ALLOWED.put(CaseStatus.IN_REVIEW, EnumSet.of(CaseStatus.DECIDED, CaseStatus.PENDING_SIGNOFF));
        ALLOWED.put(CaseStatus.PENDING_SIGNOFF, EnumSet.of(CaseStatus.DECIDED, CaseStatus.IN_REVIEW));
        ALLOWED.put(CaseStatus.DECIDED, EnumSet.of(CaseStatus.EXPORTED, CaseStatus.DECIDED, CaseStatus.PENDING_SIGNOFF));
        ALLOWED.put(CaseStatus.EXPORTED, EnumSet.of(CaseStatus.DECIDED, CaseStatus.PENDING_SIGNOFF));
    }

    private Workflow() {
    }

    public static boolean allowed(CaseStatus from, CaseStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Refuses an illegal transition with a message naming both states. */
    public static void require(String caseNo, CaseStatus from, CaseStatus to) {
        if (!allowed(from, to)) {
            throw new UserException(UserMessage.of("workflow.error.transition", caseNo, "#status." + from.name(),
                    "#status." + to.name()));
        }
    }

    /** A new decision (not a correction) is made on a case under review. */
    public static boolean decidable(CaseStatus status) {
        return status == CaseStatus.IN_REVIEW;
    }

    /** A decided or exported case can be corrected by a superseding decision. */
    public static boolean correctable(CaseStatus status) {
        return status == CaseStatus.DECIDED || status == CaseStatus.EXPORTED;
    }
}

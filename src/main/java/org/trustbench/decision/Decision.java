package org.trustbench.decision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded filing decision. Immutable: a correction is a new decision whose {@code supersedes}
 * names this one.
 *
 * @param findingsSnapshot the findings (rule id, severity, message key, arguments) the decision was made on, as JSON
 * @param evidenceDigests  SM3 of each evidence item's canonical form and its attachments, as JSON
 * @param signOff          the supervisor's sign-off of an override, or {@code null}
 */
public record Decision(long id, long caseId, String caseNo, Outcome outcome, List<ReasonCode> reasons, String rationale,
                       List<Supplement> supplements, List<String> acknowledged, String overrideJustification,
                       String findingsSnapshot, String evidenceDigests, String decidedBy, OffsetDateTime decidedAt,
                       Long supersedes, SignOff signOff) {

    public Decision {
        reasons = List.copyOf(reasons);
        supplements = List.copyOf(supplements);
        acknowledged = List.copyOf(acknowledged);
    }

    public boolean isOverride() {
        return overrideJustification != null && !overrideJustification.isBlank();
    }

    /** A supervisor's verdict on an override. */
    public record SignOff(Verdict verdict, String note, String signedBy, OffsetDateTime signedAt) {
    }

    /** Signed off (the override stands) or sent back to the officer. */
    public enum Verdict { SIGNED_OFF, SENT_BACK }
}

package org.trustbench.decision;

import java.util.ArrayList;
import java.util.List;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.i18n.UserMessage;

/**
 * Checks a decision draft against the case and its findings. Pure: returns every problem, so the
 * form can show them all at once; an empty list means the draft may be recorded.
 */
public final class DecisionRules {

    /** A justification shorter than this does not explain an override. */
    public static final int MIN_JUSTIFICATION = 20;

    private DecisionRules() {
    }

    public static List<UserMessage> problems(String caseNo, CaseStatus status, DecisionDraft d, List<Finding> findings) {
        List<UserMessage> out = new ArrayList<>();
        boolean correction = d.supersedes() != null;
        if (correction ? !Workflow.correctable(status) : !Workflow.decidable(status)) {
            out.add(UserMessage.of(correction ? "decision.error.notCorrectable" : "decision.error.notDecidable", caseNo,
                    "#status." + status.name()));
        }
        if (d.outcome() == null) {
            out.add(UserMessage.of("decision.error.noOutcome"));
            return out;
        }
        if (d.reasons().isEmpty()) {
            out.add(UserMessage.of("decision.error.noReason"));
        }
        for (ReasonCode r : d.reasons()) {
            if (r.outcome() != d.outcome()) {
                out.add(UserMessage.of("decision.error.reasonOutcome", "#reason." + r.name(), "#outcome." + d.outcome().name()));
            }
        }
        boolean clean = findings.isEmpty();
        if (d.rationale().isEmpty() && !(d.outcome() == Outcome.APPROVE && clean)) {
            out.add(UserMessage.of("decision.error.rationaleRequired"));
        }
        if (d.outcome() == Outcome.RETURN && d.supplements().isEmpty()) {
            out.add(UserMessage.of("decision.error.supplementsRequired"));
        }
        if (d.outcome() != Outcome.RETURN && !d.supplements().isEmpty()) {
            out.add(UserMessage.of("decision.error.supplementsOnlyForReturn"));
        }
        List<Finding> blockers = blockers(findings);
        for (Finding b : blockers) {
            if (!d.acknowledged().contains(FindingKey.of(b))) {
                out.add(UserMessage.of("decision.error.unacknowledged", b.ruleId()));
            }
        }
        if (isOverride(d, findings) && d.overrideJustification().length() < MIN_JUSTIFICATION) {
            out.add(UserMessage.of("decision.error.justificationRequired", MIN_JUSTIFICATION));
        }
        return out;
    }

    public static List<Finding> blockers(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.BLOCKER).toList();
    }

    /** Approving a filing with an unresolved blocker is an override that a supervisor must sign off. */
    public static boolean isOverride(DecisionDraft d, List<Finding> findings) {
        return d.outcome() == Outcome.APPROVE && !blockers(findings).isEmpty();
    }
}

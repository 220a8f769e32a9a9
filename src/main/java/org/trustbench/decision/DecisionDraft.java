package org.trustbench.decision;

import java.util.List;
import java.util.Set;

/**
 * What the officer filled in on the decision form.
 *
 * @param acknowledged          keys ({@link FindingKey}) of the blocker findings the officer acknowledged
 * @param overrideJustification why a filing is approved despite an unresolved blocker
 * @param supersedes            the decision this one corrects, or {@code null}
 */
public record DecisionDraft(long caseId, Outcome outcome, List<ReasonCode> reasons, String rationale,
                            List<Supplement> supplements, Set<String> acknowledged, String overrideJustification,
                            Long supersedes) {

    public DecisionDraft {
        reasons = List.copyOf(reasons);
        supplements = List.copyOf(supplements);
        acknowledged = Set.copyOf(acknowledged);
        rationale = rationale == null ? "" : rationale.strip();
        overrideJustification = overrideJustification == null ? "" : overrideJustification.strip();
    }
}

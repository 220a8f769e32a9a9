package org.trustbench.sync;

import java.util.List;
import java.util.Set;
import org.trustbench.app.AppServices;
import org.trustbench.decision.Decision;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.DecisionRules;
import org.trustbench.decision.FindingKey;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.UserException;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * Fills a prepared demo store's outbox the real way, through DecisionService: approvals of clean cases, and
 * overrides that a supervisor signs off (decision and sign-off records).
 */
final class CrashDecisions {

    static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);
    static final User SUPERVISOR = new User(2, "supervisor1", "王芳", "SH-PD-0001", Set.of(Role.SUPERVISOR), 0, null, false);
    private static final int MAX_DECISIONS = 30;
    private static final int MAX_OVERRIDES = 4;

    private CrashDecisions() {
    }

    /** Decides up to 30 cases; returns how many outbox records that made. */
    static long record(AppServices s) {
        int decided = 0;
        int overrides = 0;
        for (CaseSummary c : s.caseQueueRepository().findAllSummaries()) {
            if (decided == MAX_DECISIONS) {
                break;
            }
            try {
                if (c.status() == CaseStatus.RECEIVED) {
                    s.decisions().startReview(OFFICER, c.id());
                } else if (c.status() != CaseStatus.IN_REVIEW) {
                    continue;
                }
                List<Finding> findings = s.checks().checkCase(c.id());
                List<Finding> blockers = DecisionRules.blockers(findings);
                if (findings.isEmpty()) {
                    s.decisions().decide(OFFICER, new DecisionDraft(c.id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                            "", List.of(), Set.of(), "", null));
                } else if (blockers.isEmpty()) {
                    s.decisions().decide(OFFICER, new DecisionDraft(c.id(), Outcome.APPROVE,
                            List.of(ReasonCode.FINDINGS_ACCEPTED_AS_MINOR), "Minor findings only.", List.of(), Set.of(), "", null));
                } else if (overrides < MAX_OVERRIDES) {
                    Decision d = s.decisions().decide(OFFICER, new DecisionDraft(c.id(), Outcome.APPROVE,
                            List.of(ReasonCode.FINDINGS_RESOLVED_WITH_REGISTRY), "Registry confirmed by telephone.", List.of(),
                            Set.copyOf(blockers.stream().map(FindingKey::of).toList()),
                            "The district registry confirmed the licence by telephone today.", null));
                    s.decisions().signOff(SUPERVISOR, d.id(), "Confirmed.");
                    overrides++;
                } else {
                    continue;
                }
                decided++;
            } catch (UserException refused) {
                // a case the rules do not let us decide this way: take the next one
            }
        }
        return s.outbox().lastSeq();
    }
}

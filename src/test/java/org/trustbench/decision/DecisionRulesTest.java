package org.trustbench.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.i18n.UserMessage;

class DecisionRulesTest {

    private static final Finding BLOCKER = Finding.of("LIC-STATUS", Severity.BLOCKER, "REVOKED",
            List.of(EvidenceRef.caseField("registryStatus")), "吊销");
    private static final Finding WARNING = Finding.of("REMIT", Severity.WARNING, "construction",
            List.of(EvidenceRef.caseField("equipment")), "Liebherr", "#site.CONSTRUCTION_SITE");

    private static DecisionDraft draft(Outcome o, List<ReasonCode> reasons, String rationale, List<Supplement> supplements,
                                       Set<String> ack, String justification) {
        return new DecisionDraft(1, o, reasons, rationale, supplements, ack, justification, null);
    }

    private static List<String> keys(CaseStatus status, DecisionDraft d, List<Finding> findings) {
        return DecisionRules.problems("BA-1", status, d, findings).stream().map(UserMessage::key).toList();
    }

    @Test
    void aCleanApprovalNeedsNoRationale() {
        DecisionDraft d = draft(Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "");
        assertEquals(List.of(), keys(CaseStatus.IN_REVIEW, d, List.of()));
        assertFalse(DecisionRules.isOverride(d, List.of()));
    }

    @Test
    void anythingButACleanApprovalNeedsARationale() {
        DecisionDraft withWarning = draft(Outcome.APPROVE, List.of(ReasonCode.FINDINGS_ACCEPTED_AS_MINOR), " ", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.rationaleRequired"), keys(CaseStatus.IN_REVIEW, withWarning, List.of(WARNING)));
        DecisionDraft reject = draft(Outcome.REJECT, List.of(ReasonCode.FALSE_DECLARATION), "", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.rationaleRequired"), keys(CaseStatus.IN_REVIEW, reject, List.of()));
    }

    @Test
    void reasonsMustBeGivenAndBelongToTheOutcome() {
        DecisionDraft none = draft(Outcome.REJECT, List.of(), "why", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.noReason"), keys(CaseStatus.IN_REVIEW, none, List.of()));
        DecisionDraft wrong = draft(Outcome.REJECT, List.of(ReasonCode.ALL_CHECKS_PASSED), "why", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.reasonOutcome"), keys(CaseStatus.IN_REVIEW, wrong, List.of()));
        DecisionDraft noOutcome = draft(null, List.of(), "", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.noOutcome"), keys(CaseStatus.IN_REVIEW, noOutcome, List.of()));
    }

    @Test
    void aReturnNeedsSupplementsAndOnlyAReturnHasThem() {
        DecisionDraft ret = draft(Outcome.RETURN, List.of(ReasonCode.DOCUMENTS_MISSING), "need docs", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.supplementsRequired"), keys(CaseStatus.IN_REVIEW, ret, List.of()));
        DecisionDraft rej = draft(Outcome.REJECT, List.of(ReasonCode.FALSE_DECLARATION), "x", List.of(Supplement.PREMISES_PROOF),
                Set.of(), "");
        assertEquals(List.of("decision.error.supplementsOnlyForReturn"), keys(CaseStatus.IN_REVIEW, rej, List.of()));
    }

    @Test
    void everyBlockerMustBeAcknowledgedWhateverTheOutcome() {
        DecisionDraft reject = draft(Outcome.REJECT, List.of(ReasonCode.LICENCE_NOT_ACTIVE), "revoked", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.unacknowledged"), keys(CaseStatus.IN_REVIEW, reject, List.of(BLOCKER)));
        DecisionDraft acknowledged = draft(Outcome.REJECT, List.of(ReasonCode.LICENCE_NOT_ACTIVE), "revoked", List.of(),
                Set.of(FindingKey.of(BLOCKER)), "");
        assertEquals(List.of(), keys(CaseStatus.IN_REVIEW, acknowledged, List.of(BLOCKER)));
    }

    @Test
    void approvingOverABlockerIsAnOverrideThatNeedsAJustification() {
        DecisionDraft d = draft(Outcome.APPROVE, List.of(ReasonCode.FINDINGS_RESOLVED_WITH_REGISTRY), "registry confirmed",
                List.of(), Set.of(FindingKey.of(BLOCKER)), "too short");
        assertTrue(DecisionRules.isOverride(d, List.of(BLOCKER)));
        assertEquals(List.of("decision.error.justificationRequired"), keys(CaseStatus.IN_REVIEW, d, List.of(BLOCKER)));
        DecisionDraft justified = draft(Outcome.APPROVE, List.of(ReasonCode.FINDINGS_RESOLVED_WITH_REGISTRY), "registry confirmed",
                List.of(), Set.of(FindingKey.of(BLOCKER)), "Registry phoned on 2026-11-20: status corrected to active.");
        assertEquals(List.of(), keys(CaseStatus.IN_REVIEW, justified, List.of(BLOCKER)));
        assertFalse(DecisionRules.isOverride(draft(Outcome.REJECT, List.of(ReasonCode.LICENCE_NOT_ACTIVE), "x", List.of(),
                Set.of(FindingKey.of(BLOCKER)), ""), List.of(BLOCKER)), "rejecting over a blocker is no override");
    }

    @Test
    void aCaseInTheWrongStateIsRefused() {
        DecisionDraft d = draft(Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "");
        assertEquals(List.of("decision.error.notDecidable"), keys(CaseStatus.RECEIVED, d, List.of()));
        assertEquals(List.of("decision.error.notDecidable"), keys(CaseStatus.DECIDED, d, List.of()));
        DecisionDraft correction = new DecisionDraft(1, Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(),
                Set.of(), "", 7L);
        assertEquals(List.of(), keys(CaseStatus.DECIDED, correction, List.of()));
        assertEquals(List.of("decision.error.notCorrectable"), keys(CaseStatus.IN_REVIEW, correction, List.of()));
    }
}

package org.trustbench.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustbench.domain.CaseStatus;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;

class WorkflowTest {

    private static final Set<String> ALLOWED = Set.of(
            "RECEIVED>IN_REVIEW",
            "IN_REVIEW>DECIDED", "IN_REVIEW>PENDING_SIGNOFF",
            "PENDING_SIGNOFF>DECIDED", "PENDING_SIGNOFF>IN_REVIEW",
            "DECIDED>EXPORTED", "DECIDED>DECIDED", "DECIDED>PENDING_SIGNOFF",
            "EXPORTED>DECIDED", "EXPORTED>PENDING_SIGNOFF");

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void exactlyTheDocumentedTransitionsAreAllowed(CaseStatus from) {
        for (CaseStatus to : CaseStatus.values()) {
            assertEquals(ALLOWED.contains(from + ">" + to), Workflow.allowed(from, to), from + " -> " + to);
        }
    }

    @Test
    void anIllegalTransitionIsRefusedWithBothStatesNamed() {
        UserException e = assertThrows(UserException.class,
                () -> Workflow.require("BA-1", CaseStatus.RECEIVED, CaseStatus.DECIDED));
        String text = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
        assertTrue(text.contains("BA-1") && text.contains("Received") && text.contains("Decided"), text);
        Workflow.require("BA-1", CaseStatus.RECEIVED, CaseStatus.IN_REVIEW);
    }

    @Test
    void onlyCasesUnderReviewAreDecidableAndOnlyDecidedOnesCorrectable() {
        for (CaseStatus s : CaseStatus.values()) {
            assertEquals(s == CaseStatus.IN_REVIEW, Workflow.decidable(s));
            assertEquals(EnumSet.of(CaseStatus.DECIDED, CaseStatus.EXPORTED).contains(s), Workflow.correctable(s));
        }
    }
}

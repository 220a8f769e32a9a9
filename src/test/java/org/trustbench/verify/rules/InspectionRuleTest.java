package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.INSPECTION;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Severity;

class InspectionRuleTest {

    @Test
    void confirmedInspectionHasNoFinding() {
        assertTrue(run(new InspectionRule(), clean()).isEmpty());
    }

    @Test
    void missingInspectionIsABlocker() {
        assertFinding(only(run(new InspectionRule(), clean().without(INSPECTION))), "PREM-INSPECTION", Severity.BLOCKER,
                "finding.PREM-INSPECTION.missing", List.of(), List.of(EvidenceRef.caseField("premises")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOT_FOUND", "VACANT", "confirmed", "PENDING"})
    void inspectionThatDidNotConfirmIsABlockerWithItsResult(String result) {
        assertFinding(only(run(new InspectionRule(), clean().field(INSPECTION, "result", result))), "PREM-INSPECTION",
                Severity.BLOCKER, "finding.PREM-INSPECTION.notConfirmed", List.of(result),
                List.of(ref(INSPECTION, "result")));
    }

    @Test
    void inspectionWithoutAResultShowsADash() {
        assertFinding(only(run(new InspectionRule(), clean().field(INSPECTION, "result", null))), "PREM-INSPECTION",
                Severity.BLOCKER, "finding.PREM-INSPECTION.notConfirmed", List.of("—"), List.of(ref(INSPECTION, "result")));
    }
}

package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.NAME_ZH;
import static org.trustbench.verify.CaseFixtures.OTHER_NAME;
import static org.trustbench.verify.CaseFixtures.OTHER_USCC;
import static org.trustbench.verify.CaseFixtures.USCC;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Severity;

class PerformerRuleTest {

    private static final List<EvidenceRef> PERFORMER = List.of(EvidenceRef.caseField("performer"));

    @Test
    void filerPerformingItselfHasNoFinding() {
        assertTrue(run(new PerformerRule(), clean()).isEmpty());
    }

    @Test
    void sameEntityIsRecognisedByCodeWhateverTheCaseOrName() {
        assertTrue(run(new PerformerRule(), clean().performer(USCC.toLowerCase(), "上海澜岳智能装备技术有限责任公司")).isEmpty());
    }

    @Test
    void sameEntityWithSubcontractFlagSetHasNoFinding() {
        assertTrue(run(new PerformerRule(), clean().subcontractDeclared(true)).isEmpty());
    }

    @Test
    void anotherPerformerWithoutDeclaredSubcontractIsABlocker() {
        assertFinding(only(run(new PerformerRule(), clean().performer(OTHER_USCC, OTHER_NAME))), "PERFORMER", Severity.BLOCKER,
                "finding.PERFORMER.other", List.of(OTHER_NAME, OTHER_USCC, NAME_ZH), PERFORMER);
    }

    @Test
    void anotherPerformerUnderTheFilersNameIsStillAnotherEntity() {
        assertFinding(only(run(new PerformerRule(), clean().performer(OTHER_USCC, NAME_ZH))), "PERFORMER", Severity.BLOCKER,
                "finding.PERFORMER.other", List.of(NAME_ZH, OTHER_USCC, NAME_ZH), PERFORMER);
    }

    @Test
    void declaredSubcontractorIsAWarningToVerifyItToo() {
        assertFinding(only(run(new PerformerRule(), clean().performer(OTHER_USCC, OTHER_NAME).subcontractDeclared(true))),
                "PERFORMER", Severity.WARNING, "finding.PERFORMER.subcontract", List.of(OTHER_NAME, OTHER_USCC), PERFORMER);
    }
}

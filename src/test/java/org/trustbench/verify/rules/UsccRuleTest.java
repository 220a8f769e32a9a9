package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.USCC;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.domain.Uscc;

class UsccRuleTest {

    private static final List<EvidenceRef> USCC_REF = List.of(EvidenceRef.caseField("uscc"));

    private static List<Finding> check(String code) {
        return run(new UsccRule(), clean().providerUscc(code));
    }

    @Test
    void reportsBothIds() {
        assertEquals(List.of("USCC-FORMAT", "USCC-CHECK"), new UsccRule().ids());
    }

    @Test
    void validGeneratedCodeHasNoFinding() {
        assertEquals(Uscc.Result.VALID, Uscc.validate(USCC));
        assertTrue(check(USCC).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310115591693856A", "91310110666007217T", "91350200776049653A", "91440101MA5CJQ4N59"})
    void publicValidCodesHaveNoFinding(String code) {
        assertTrue(check(code).isEmpty());
    }

    @Test
    void lowerCaseAndSurroundingSpaceOfAValidCodeHaveNoFinding() {
        assertTrue(check("  " + USCC.toLowerCase() + " ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9131011559169385", "91310115591693856AX", "9131011559169385IA", "91A10115591693856A",
            "91310115591693856O", "91310115-91693856A"})
    void malformedCodeIsAFormatBlocker(String code) {
        assertFinding(only(check(code)), "USCC-FORMAT", Severity.BLOCKER, "finding.USCC-FORMAT.format", List.of(code),
                USCC_REF);
    }

    @Test
    void wrongCheckCharacterIsAWarningWithActualAndExpectedCharacter() {
        String wrong = USCC.substring(0, 17) + (USCC.charAt(17) == '0' ? '1' : '0');
        assertFinding(only(check(wrong)), "USCC-CHECK", Severity.WARNING, "finding.USCC-CHECK.checkCharacter",
                List.of(wrong, String.valueOf(wrong.charAt(17)), String.valueOf(USCC.charAt(17))), USCC_REF);
    }

    @Test
    void pilotEraCodeIsOnlyAWarningAskingForRegistryConfirmation() {
        String pilot = "91350211M00013FA1N";
        assertFinding(only(check(pilot)), "USCC-CHECK", Severity.WARNING, "finding.USCC-CHECK.checkCharacter",
                List.of(pilot, "N", "3"), USCC_REF);
    }

    @Test
    void wrongOrganisationCheckWithMatchingPosition18IsAWarning() {
        String first16 = USCC.substring(0, 16);
        char realOrg = USCC.charAt(16);
        char wrongOrg = realOrg == '7' ? '8' : '7';
        String first17 = first16 + wrongOrg;
        String code = first17 + Uscc.checkCharacter(first17);
        assertFinding(only(check(code)), "USCC-CHECK", Severity.WARNING, "finding.USCC-CHECK.organisationCheck",
                List.of(code, String.valueOf(wrongOrg), String.valueOf(realOrg)), USCC_REF);
    }

    /**
     * Uscc.check strips the code before checking, but the rule reads the actual character from the
     * raw code: with a leading space, "position 18" in the message is the wrong character.
     */
    @Test
    void checkCharacterFindingNamesPosition18EvenWhenTheCodeHasSurroundingSpace() {
        Finding f = only(check(" 91310115591693856B"));
        assertEquals("USCC-CHECK", f.ruleId());
        assertEquals("B", f.args().get(1), "position 18 of the code");
        assertEquals("A", f.args().get(2), "expected check character");
    }
}

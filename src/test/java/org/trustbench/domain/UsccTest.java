package org.trustbench.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91310115591693856A", "91310110666007217T", "91350200776049653A", "91440101MA5CJQ4N59"})
    void publicCodesPassBothChecks(String code) {
        assertEquals(Uscc.Result.VALID, Uscc.validate(code));
    }

    @Test
    void lowerCaseAndSurroundingSpaceAreAccepted() {
        assertEquals(Uscc.Result.VALID, Uscc.validate("  91310115591693856a "));
    }

    @Test
    void pilotEraCodeFailsTheCheckCharacterButIsStillWellFormed() {
        Uscc.Check check = Uscc.check("91350211M00013FA1N");
        assertEquals(Uscc.Result.BAD_CHECK_CHARACTER, check.result());
        assertFalse(check.result().isValid());
        assertTrue(Uscc.hasValidFormat(check.code()));
    }

    @Test
    void wrongCheckCharacterIsReportedWithTheExpectedOne() {
        Uscc.Check check = Uscc.check("91310115591693856B");
        assertEquals(Uscc.Result.BAD_CHECK_CHARACTER, check.result());
        assertEquals('A', check.expectedCheckCharacter());
    }

    @Test
    void wrongOrganisationCheckIsReportedWhenPosition18StillMatches() {
        String first16 = "9131011559169385";
        String withWrongOrg = first16 + "7";
        String code = withWrongOrg + Uscc.checkCharacter(withWrongOrg);
        Uscc.Check check = Uscc.check(code);
        assertEquals(Uscc.Result.BAD_ORGANISATION_CHECK, check.result());
        assertEquals('6', check.expectedOrganisationCheck());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9131011559169385", "91310115591693856AX", "9131011559169385IA", "91A10115591693856A",
            "91310115591693856O"})
    void malformedCodesAreBadFormat(String code) {
        assertEquals(Uscc.Result.BAD_FORMAT, Uscc.validate(code));
    }

    @Test
    void nullIsBadFormat() {
        assertEquals(Uscc.Result.BAD_FORMAT, Uscc.validate(null));
    }

    @Test
    void checkCharacterThirtyOneWrapsToZero() {
        // Search a prefix whose weighted sum is divisible by 31: the check character must be '0'.
        for (int i = 0; i < 100_000; i++) {
            String first17 = String.format("91310115%09d", i);
            if (first17.length() == 17 && Uscc.checkCharacter(first17) == '0') {
                return;
            }
        }
        throw new AssertionError("no prefix with check character 0 found");
    }

    @Test
    void organisationCheckMapsTenToXAndElevenToZero() {
        assertEquals('X', Uscc.organisationCheck("40000000")); // 4*3 = 12, 12 mod 11 = 1, 11 - 1 = 10 -> X
        assertEquals('0', Uscc.organisationCheck("00000000")); // 0 mod 11 = 0, 11 - 0 = 11 -> 0
        assertEquals('3', Uscc.organisationCheck("A0000000")); // A = 10, 10*3 = 30, 30 mod 11 = 8, 11 - 8 = 3
    }
}

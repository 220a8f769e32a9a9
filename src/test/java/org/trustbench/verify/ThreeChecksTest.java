package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.verify.ThreeChecks.Check;
import org.trustbench.verify.ThreeChecks.Light;

class ThreeChecksTest {

    private static Finding finding(String ruleId, Severity severity) {
        return Finding.of(ruleId, severity, "x", List.of(EvidenceRef.caseField("x")));
    }

    @ParameterizedTest
    @CsvSource({
            "USCC-FORMAT, REAL_PERSON", "USCC-CHECK, REAL_PERSON", "LIC-STATUS, REAL_PERSON", "LIC-TERM, REAL_PERSON",
            "NAME-MISMATCH, REAL_PERSON", "USCC-MISMATCH, REAL_PERSON", "REP-MISMATCH, REAL_PERSON", "ID-CHECK, REAL_PERSON",
            "SIG-REGISTRY, REAL_PERSON", "PERFORMER, REAL_PERSON",
            "CRED-VALIDITY, CREDENTIALS", "CRED-SCOPE, CREDENTIALS", "AUTH-VALIDITY, CREDENTIALS", "AUTH-PARTY, CREDENTIALS",
            "AUTH-SCOPE, CREDENTIALS", "ATT-DIGEST, CREDENTIALS",
            "ADDR-MISMATCH, PREMISES", "PREM-INSPECTION, PREMISES",
            "REMIT, OTHER", "REGISTRY-STALE, OTHER", "NO-SUCH-RULE, OTHER"})
    void eachRuleBelongsToItsCheck(String ruleId, Check check) {
        assertEquals(check, ThreeChecks.checkOf(ruleId));
    }

    @Test
    void everyStandardRuleIdIsMappedAndOnlyRemitAndStalenessAreOther() {
        Set<String> other = new TreeSet<>();
        for (Rule r : VerificationEngine.standard().rules()) {
            for (String id : r.ids()) {
                if (ThreeChecks.checkOf(id) == Check.OTHER) {
                    other.add(id);
                }
            }
        }
        assertEquals(Set.of("REGISTRY-STALE", "REMIT"), other);
    }

    @Test
    void noFindingsMeansAllGreen() {
        assertEquals(Map.of(Check.REAL_PERSON, Light.GREEN, Check.CREDENTIALS, Light.GREEN, Check.PREMISES, Light.GREEN,
                Check.OTHER, Light.GREEN), ThreeChecks.lights(List.of()));
    }

    @Test
    void warningMakesItsCheckAmberOnly() {
        Map<Check, Light> l = ThreeChecks.lights(List.of(finding("USCC-CHECK", Severity.WARNING)));
        assertEquals(Light.AMBER, l.get(Check.REAL_PERSON));
        assertEquals(Light.GREEN, l.get(Check.CREDENTIALS));
        assertEquals(Light.GREEN, l.get(Check.PREMISES));
        assertEquals(Light.GREEN, l.get(Check.OTHER));
    }

    @Test
    void informationAloneIsAmber() {
        assertEquals(Light.AMBER, ThreeChecks.lights(List.of(finding("CRED-SCOPE", Severity.INFO))).get(Check.CREDENTIALS));
    }

    @Test
    void blockerMakesItsCheckRed() {
        assertEquals(Light.RED, ThreeChecks.lights(List.of(finding("PREM-INSPECTION", Severity.BLOCKER))).get(Check.PREMISES));
    }

    @Test
    void redIsNotLoweredByALaterWarningInEitherOrder() {
        Finding blocker = finding("ADDR-MISMATCH", Severity.BLOCKER);
        Finding warning = finding("ADDR-MISMATCH", Severity.WARNING);
        assertEquals(Light.RED, ThreeChecks.lights(List.of(blocker, warning)).get(Check.PREMISES));
        assertEquals(Light.RED, ThreeChecks.lights(List.of(warning, blocker)).get(Check.PREMISES));
    }

    @Test
    void eachCheckGetsItsOwnLight() {
        Map<Check, Light> l = ThreeChecks.lights(List.of(finding("ID-CHECK", Severity.BLOCKER),
                finding("CRED-VALIDITY", Severity.WARNING), finding("REMIT", Severity.WARNING)));
        assertEquals(Map.of(Check.REAL_PERSON, Light.RED, Check.CREDENTIALS, Light.AMBER, Check.PREMISES, Light.GREEN,
                Check.OTHER, Light.AMBER), l);
    }

    @Test
    void lightsOfAnEngineRunFollowItsFindings() {
        var in = CaseFixtures.clean().without(CaseFixtures.INSPECTION).validTo(CaseFixtures.AUTHORISATION, CaseFixtures.TODAY)
                .validTo(CaseFixtures.TSG_LICENCE, CaseFixtures.TODAY.plusDays(10)).input();
        Map<Check, Light> l = ThreeChecks.lights(VerificationEngine.standard().check(in));
        assertEquals(Map.of(Check.REAL_PERSON, Light.GREEN, Check.CREDENTIALS, Light.AMBER, Check.PREMISES, Light.RED,
                Check.OTHER, Light.GREEN), l);
    }
}

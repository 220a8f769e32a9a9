package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.AUTHORISATION;
import static org.trustbench.verify.CaseFixtures.AUTH_FROM;
import static org.trustbench.verify.CaseFixtures.AUTH_TO;
import static org.trustbench.verify.CaseFixtures.CRANE;
import static org.trustbench.verify.CaseFixtures.CUSTOMER;
import static org.trustbench.verify.CaseFixtures.FILED;
import static org.trustbench.verify.CaseFixtures.NAME_EN;
import static org.trustbench.verify.CaseFixtures.NAME_ZH;
import static org.trustbench.verify.CaseFixtures.OTHER_NAME;
import static org.trustbench.verify.CaseFixtures.OTHER_USCC;
import static org.trustbench.verify.CaseFixtures.PAVER;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.USCC;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.item;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Finding;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CaseFixtures;

class AuthorisationRuleTest {

    private static final List<EvidenceRef> SCOPE_REFS = List.of(ref(AUTHORISATION, "equipment"), ref(AUTHORISATION, "services"));

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new AuthorisationRule(), b);
    }

    @Test
    void authorisationInForceNamingTheFilerAndCoveringEverythingHasNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @Test
    void missingAuthorisationIsABlockerAndNothingElseIsChecked() {
        assertFinding(only(check(clean().without(AUTHORISATION))), "AUTH-VALIDITY", Severity.BLOCKER,
                "finding.AUTH-VALIDITY.missing", List.of(), List.of(EvidenceRef.caseField("authorisation")));
    }

    @Test
    void expiredAuthorisationIsABlocker() {
        assertFinding(only(check(clean().validTo(AUTHORISATION, TODAY.minusDays(1)))), "AUTH-VALIDITY", Severity.BLOCKER,
                "finding.AUTH-VALIDITY.expired", List.of(CUSTOMER, TODAY.minusDays(1).toString()),
                List.of(ref(AUTHORISATION, "validTo")));
    }

    @Test
    void authorisationEndingTodayIsInForce() {
        assertTrue(check(clean().validTo(AUTHORISATION, TODAY)).isEmpty());
    }

    @Test
    void authorisationWithoutEndIsInForce() {
        assertTrue(check(clean().validTo(AUTHORISATION, null)).isEmpty());
    }

    @Test
    void authorisationNotYetInForceIsAWarning() {
        assertFinding(only(check(clean().validFrom(AUTHORISATION, TODAY.plusDays(1)))), "AUTH-VALIDITY", Severity.WARNING,
                "finding.AUTH-VALIDITY.notYet", List.of(CUSTOMER, TODAY.plusDays(1).toString()),
                List.of(ref(AUTHORISATION, "validFrom")));
    }

    @Test
    void authorisationStartingTodayIsInForce() {
        assertTrue(check(clean().validFrom(AUTHORISATION, TODAY)).isEmpty());
    }

    @Test
    void authorisationOfAnotherCodeIsABlockerReferringToTheCode() {
        assertFinding(only(check(clean().field(AUTHORISATION, "authorisedUscc", OTHER_USCC))), "AUTH-PARTY",
                Severity.BLOCKER, "finding.AUTH-PARTY.other", List.of(NAME_ZH, OTHER_USCC, NAME_ZH),
                List.of(ref(AUTHORISATION, "authorisedUscc")));
    }

    @Test
    void authorisationOfAnotherNameIsABlockerReferringToTheName() {
        assertFinding(only(check(clean().field(AUTHORISATION, "authorisedParty", OTHER_NAME)
                        .field(AUTHORISATION, "authorisedUscc", null))), "AUTH-PARTY", Severity.BLOCKER,
                "finding.AUTH-PARTY.other", List.of(OTHER_NAME, "—", NAME_ZH), List.of(ref(AUTHORISATION, "authorisedParty")));
    }

    @Test
    void authorisationOfAnotherNameWithTheFilersCodeIsStillABlocker() {
        assertFinding(only(check(clean().field(AUTHORISATION, "authorisedParty", OTHER_NAME))), "AUTH-PARTY",
                Severity.BLOCKER, "finding.AUTH-PARTY.other", List.of(OTHER_NAME, USCC, NAME_ZH),
                List.of(ref(AUTHORISATION, "authorisedParty")));
    }

    @Test
    void authorisationNamingNobodyIsABlocker() {
        assertFinding(only(check(clean().field(AUTHORISATION, "authorisedParty", null).field(AUTHORISATION, "authorisedUscc", null))),
                "AUTH-PARTY", Severity.BLOCKER, "finding.AUTH-PARTY.other", List.of("—", "—", NAME_ZH),
                List.of(ref(AUTHORISATION, "authorisedParty")));
    }

    @Test
    void codeAloneIsEnoughToNameTheFiler() {
        assertTrue(check(clean().field(AUTHORISATION, "authorisedParty", null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"上海澜岳智能装备技术有限责任公司", "上海澜岳 智能装备技术有限公司", "上海澜岳智能装备技术有限公司　"})
    void filerNameWrittenDifferentlyIsTheFiler(String name) {
        assertTrue(check(clean().field(AUTHORISATION, "authorisedParty", name)).isEmpty());
    }

    @Test
    void filerCodeInLowerCaseWithSpacesIsTheFiler() {
        assertTrue(check(clean().field(AUTHORISATION, "authorisedUscc", " " + USCC.toLowerCase() + " ")).isEmpty());
    }

    /**
     * An overseas customer's letter naturally names the supplier in English. With the filer's own code
     * and the filer's registered English name, it names the filer; the rule compares the name with nameZh only.
     */
    @Test
    void filersEnglishNameWithItsCodeIsTheFiler() {
        assertTrue(check(clean().field(AUTHORISATION, "authorisedParty", NAME_EN)).isEmpty(),
                () -> check(clean().field(AUTHORISATION, "authorisedParty", NAME_EN)).toString());
    }

    @Test
    void equipmentSerialTheAuthorisationDoesNotListIsABlocker() {
        assertFinding(only(check(clean().field(AUTHORISATION, "equipment", CRANE.serial()))), "AUTH-SCOPE", Severity.BLOCKER,
                "finding.AUTH-SCOPE.uncovered", List.of("#Vögele SUPER 1800-3i 10181342207"), SCOPE_REFS);
    }

    @Test
    void serviceTheAuthorisationDoesNotListIsABlocker() {
        assertFinding(only(check(clean().field(AUTHORISATION, "services", "REMOTE_DIAGNOSTICS"))), "AUTH-SCOPE",
                Severity.BLOCKER, "finding.AUTH-SCOPE.uncovered", List.of("#service.PAVER_3D_CALIBRATION"), SCOPE_REFS);
    }

    @Test
    void uncoveredEquipmentComesBeforeUncoveredServices() {
        Finding f = only(check(clean().services(ServiceType.REMOTE_DIAGNOSTICS, ServiceType.PAVER_3D_CALIBRATION,
                ServiceType.OPERATOR_TRAINING).field(AUTHORISATION, "equipment", PAVER.serial())));
        assertEquals(List.of("#Liebherr 172 EC-B LH172-20419,service.OPERATOR_TRAINING"), f.args());
    }

    @Test
    void authorisationWithoutScopeFieldsCoversNothing() {
        Finding f = only(check(clean().field(AUTHORISATION, "equipment", null).field(AUTHORISATION, "services", null)));
        assertEquals(List.of("#Liebherr 172 EC-B LH172-20419,Vögele SUPER 1800-3i 10181342207,"
                + "service.REMOTE_DIAGNOSTICS,service.PAVER_3D_CALIBRATION"), f.args());
    }

    @Test
    void scopeListsTolerateSpaces() {
        assertTrue(check(clean().field(AUTHORISATION, "equipment", " " + CRANE.serial() + " , " + PAVER.serial())
                .field(AUTHORISATION, "services", "PAVER_3D_CALIBRATION , REMOTE_DIAGNOSTICS")).isEmpty());
    }

    @Test
    void expiredAuthorisationOfAnotherPartyGivesBothBlockers() {
        List<Finding> f = check(clean().validTo(AUTHORISATION, TODAY.minusDays(1)).field(AUTHORISATION, "authorisedUscc", OTHER_USCC));
        assertEquals(List.of("AUTH-VALIDITY", "AUTH-PARTY"), f.stream().map(Finding::ruleId).toList());
    }

    /**
     * A filing for two machines of two overseas customers carries two letters, each covering its machine.
     * The rule reads only the first letter, so the second machine is reported as uncovered.
     */
    @Test
    void twoLettersEachCoveringItsOwnMachineCoverTheFiling() {
        CaseFixtures.Builder b = clean().field(AUTHORISATION, "equipment", CRANE.serial())
                .field(AUTHORISATION, "services", "REMOTE_DIAGNOSTICS")
                .add(item(52, EvidenceKind.AUTHORISATION, EvidenceSource.MERCHANT, "境外客户授权书（Vögele SUPER 1800-3i）",
                        Map.of("customer", "Rheinpfalz Straßenbau Technik GmbH", "authorisedParty", NAME_ZH,
                                "authorisedUscc", USCC, "equipment", PAVER.serial(), "services", "PAVER_3D_CALIBRATION"),
                        AUTH_FROM, AUTH_TO, FILED, List.of()));
        assertTrue(check(b).isEmpty(), () -> check(b).toString());
    }
}

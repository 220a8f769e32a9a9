package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.AUTHORISATION;
import static org.trustbench.verify.CaseFixtures.AUTH_TO;
import static org.trustbench.verify.CaseFixtures.CERT_NUMBER;
import static org.trustbench.verify.CaseFixtures.CRANE;
import static org.trustbench.verify.CaseFixtures.ENGINEER_CERT;
import static org.trustbench.verify.CaseFixtures.PAVER;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.TSG_LICENCE;
import static org.trustbench.verify.CaseFixtures.TSG_NUMBER;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;
import org.trustbench.verify.CaseFixtures;
import org.trustbench.verify.VerificationSettings;

class CredentialRuleTest {

    private static final List<EvidenceRef> SCOPE_REFS = List.of(ref(TSG_LICENCE, "scope"), ref(ENGINEER_CERT, "scope"));

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new CredentialRule(), b);
    }

    /** The authorised service period ends today, so only the warning window decides. */
    private static CaseFixtures.Builder serviceEndsToday() {
        return clean().validTo(AUTHORISATION, TODAY);
    }

    @Test
    void credentialsInForceAndCoveringEverythingHaveNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @Test
    void expiredCredentialIsABlocker() {
        LocalDate yesterday = TODAY.minusDays(1);
        assertFinding(only(check(clean().validTo(TSG_LICENCE, yesterday))), "CRED-VALIDITY", Severity.BLOCKER,
                "finding.CRED-VALIDITY.expired", List.of(TSG_NUMBER, yesterday.toString()),
                List.of(ref(TSG_LICENCE, "validTo")));
    }

    @Test
    void credentialExpiringBeforeTheServicePeriodEndsIsABlocker() {
        LocalDate end = AUTH_TO.minusMonths(6);
        assertFinding(only(check(clean().validTo(ENGINEER_CERT, end))), "CRED-VALIDITY", Severity.BLOCKER,
                "finding.CRED-VALIDITY.beforeServiceEnd", List.of(CERT_NUMBER, end.toString(), AUTH_TO.toString()),
                List.of(ref(ENGINEER_CERT, "validTo")));
    }

    @Test
    void credentialExpiringOnTheLastServiceDayIsNotBeforeServiceEnd() {
        assertTrue(check(clean().validTo(ENGINEER_CERT, AUTH_TO)).isEmpty());
    }

    @Test
    void credentialExpiringSoonBeforeServiceEndIsTheBlockerNotTheWarning() {
        Finding f = only(check(clean().validTo(TSG_LICENCE, TODAY.plusDays(10))));
        assertEquals("finding.CRED-VALIDITY.beforeServiceEnd", f.messageKey());
    }

    @Test
    void credentialExpiringIn30DaysIsAWarning() {
        LocalDate in30 = TODAY.plusDays(30);
        assertFinding(only(check(serviceEndsToday().validTo(TSG_LICENCE, in30))), "CRED-VALIDITY", Severity.WARNING,
                "finding.CRED-VALIDITY.expiring", List.of(TSG_NUMBER, in30.toString(), "30"),
                List.of(ref(TSG_LICENCE, "validTo")));
    }

    @Test
    void credentialExpiringIn31DaysIsNoFinding() {
        assertTrue(check(serviceEndsToday().validTo(TSG_LICENCE, TODAY.plusDays(31))).isEmpty());
    }

    @Test
    void credentialExpiringTodayIsStillInForceButWarned() {
        Finding f = only(check(serviceEndsToday().validTo(TSG_LICENCE, TODAY)));
        assertEquals("finding.CRED-VALIDITY.expiring", f.messageKey());
        assertEquals(List.of(TSG_NUMBER, TODAY.toString(), "0"), f.args());
    }

    @Test
    void warningWindowIsConfigurable() {
        VerificationSettings sixty = new VerificationSettings(60, Period.ofDays(180), Period.ofDays(90));
        assertEquals("finding.CRED-VALIDITY.expiring",
                only(check(serviceEndsToday().settings(sixty).validTo(TSG_LICENCE, TODAY.plusDays(45)))).messageKey());
        assertTrue(check(serviceEndsToday().validTo(TSG_LICENCE, TODAY.plusDays(45))).isEmpty());
    }

    @Test
    void withoutAMerchantAuthorisationThereIsNoServiceEndToCompare() {
        assertTrue(check(clean().without(AUTHORISATION).validTo(ENGINEER_CERT, TODAY.plusDays(100))).isEmpty());
    }

    @Test
    void credentialWithoutNumberIsNamedByItsTitle() {
        Finding f = only(check(clean().field(TSG_LICENCE, "number", null).validTo(TSG_LICENCE, TODAY.minusDays(1))));
        assertEquals(clean().item(TSG_LICENCE).title(), f.args().get(0));
    }

    @Test
    void credentialWithoutExpiryIsNotAValidityFinding() {
        assertTrue(check(clean().validTo(TSG_LICENCE, null)).isEmpty());
    }

    @Test
    void eachExpiredCredentialIsItsOwnFinding() {
        List<Finding> f = check(clean().validTo(TSG_LICENCE, TODAY.minusDays(3)).validTo(ENGINEER_CERT, TODAY.minusDays(1)));
        assertEquals(List.of(ref(TSG_LICENCE, "validTo"), ref(ENGINEER_CERT, "validTo")),
                f.stream().flatMap(x -> x.refs().stream()).toList());
    }

    @Test
    void serviceNoCredentialCoversIsABlocker() {
        assertFinding(only(check(clean().field(ENGINEER_CERT, "scope", "ROAD_MACHINERY"))), "CRED-SCOPE", Severity.BLOCKER,
                "finding.CRED-SCOPE.uncovered", List.of("#service.PAVER_3D_CALIBRATION"), SCOPE_REFS);
    }

    @Test
    void equipmentCategoryNoCredentialCoversIsABlocker() {
        assertFinding(only(check(clean().field(TSG_LICENCE, "scope", "REMOTE_DIAGNOSTICS"))), "CRED-SCOPE", Severity.BLOCKER,
                "finding.CRED-SCOPE.uncovered", List.of("#equipment.code.4300"), SCOPE_REFS);
    }

    @Test
    void mobileCraneNotInTheTowerCraneLicenceIsUncovered() {
        Equipment mobile = new Equipment("4400", "Liebherr", "LTM 1100-5.2", "LTM-88122", true, SiteType.PORT);
        Finding f = only(check(clean().equipment(CRANE, PAVER, mobile)));
        assertEquals(List.of("#equipment.code.4400"), f.args());
    }

    @Test
    void uncoveredServicesComeBeforeUncoveredEquipment() {
        Finding f = only(check(clean().services(ServiceType.REMOTE_DIAGNOSTICS, ServiceType.PAVER_3D_CALIBRATION,
                ServiceType.OPERATOR_TRAINING).field(TSG_LICENCE, "scope", "REMOTE_DIAGNOSTICS")));
        assertEquals(List.of("#service.OPERATOR_TRAINING,equipment.code.4300"), f.args());
    }

    @Test
    void noCredentialAtAllIsABlockerListingEverything() {
        assertFinding(only(check(clean().without(TSG_LICENCE, ENGINEER_CERT))), "CRED-SCOPE", Severity.BLOCKER,
                "finding.CRED-SCOPE.none",
                List.of("#service.REMOTE_DIAGNOSTICS,service.PAVER_3D_CALIBRATION,equipment.code.4300,"
                        + "equipment.code.ROAD_MACHINERY"),
                List.of(EvidenceRef.caseField("credentials")));
    }

    @Test
    void scopeListToleratesSpaces() {
        assertTrue(check(clean().field(TSG_LICENCE, "scope", " 4300 , REMOTE_DIAGNOSTICS ")).isEmpty());
    }

    @Test
    void credentialWithoutScopeCoversNothing() {
        Finding f = only(check(clean().field(ENGINEER_CERT, "scope", null)));
        assertEquals(List.of("#service.PAVER_3D_CALIBRATION,equipment.code.ROAD_MACHINERY"), f.args());
    }
}

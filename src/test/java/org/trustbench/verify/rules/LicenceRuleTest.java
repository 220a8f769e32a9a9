package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.run;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CaseFixtures;

class LicenceRuleTest {

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new LicenceRule(), b);
    }

    @Test
    void activeEntityWithTermRunningHasNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = RegistryStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void everyNonActiveStatusIsABlockerWithItsRegistryLabel(RegistryStatus status) {
        assertFinding(only(check(clean().registryStatus(status))), "LIC-STATUS", Severity.BLOCKER,
                "finding.LIC-STATUS." + status.name(), List.of(status.label()),
                List.of(EvidenceRef.caseField("registryStatus")));
    }

    @Test
    void statusLabelsAreTheRegistrysChineseOnes() {
        assertEquals("吊销", RegistryStatus.REVOKED.label());
        assertEquals("注销", RegistryStatus.CANCELLED.label());
        assertEquals("迁出", RegistryStatus.MOVED_OUT.label());
        assertEquals("停业", RegistryStatus.SUSPENDED.label());
    }

    @Test
    void termEndedYesterdayIsABlocker() {
        LocalDate yesterday = TODAY.minusDays(1);
        assertFinding(only(check(clean().termTo(yesterday))), "LIC-TERM", Severity.BLOCKER, "finding.LIC-TERM.ended",
                List.of(yesterday.toString()), List.of(EvidenceRef.caseField("termTo")));
    }

    @Test
    void termEndingTodayHasNotEnded() {
        assertTrue(check(clean().termTo(TODAY)).isEmpty());
    }

    @Test
    void openEndedTermNeverEnds() {
        assertTrue(check(clean().termTo(null).today(LocalDate.of(2199, 1, 1))).isEmpty());
    }

    @Test
    void revokedWithEndedTermGivesBothFindings() {
        List<Finding> f = check(clean().registryStatus(RegistryStatus.REVOKED).termTo(TODAY.minusYears(1)));
        assertEquals(List.of("LIC-STATUS", "LIC-TERM"), f.stream().map(Finding::ruleId).toList());
    }
}

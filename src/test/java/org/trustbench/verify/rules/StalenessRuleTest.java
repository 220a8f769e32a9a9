package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.CST;
import static org.trustbench.verify.CaseFixtures.IDENTITY;
import static org.trustbench.verify.CaseFixtures.PLATFORM_LICENCE;
import static org.trustbench.verify.CaseFixtures.REGISTRY_LICENCE;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.TSG_LICENCE;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.Severity;
import org.trustbench.verify.VerificationSettings;

class StalenessRuleTest {

    private static OffsetDateTime on(LocalDate day) {
        return day.atTime(2, 20).atOffset(CST);
    }

    @Test
    void freshRegistryDataHasNoFinding() {
        assertTrue(run(new StalenessRule(), clean()).isEmpty());
    }

    @Test
    void registryRefreshed90DaysAgoIsStillFresh() {
        assertTrue(run(new StalenessRule(), clean().registryRefreshedAt(on(TODAY.minusDays(90)))).isEmpty());
    }

    @Test
    void registryRefreshed91DaysAgoIsAWarningWithDateAndAge() {
        LocalDate day = TODAY.minusDays(91);
        var b = clean().registryRefreshedAt(on(day));
        // All registry items share the time; the newest is the first of them in evidence order.
        long newest = REGISTRY_LICENCE;
        assertFinding(only(run(new StalenessRule(), b)), "REGISTRY-STALE", Severity.WARNING, "finding.REGISTRY-STALE.old",
                List.of(day.toString(), "91"), List.of(ref(newest, null)));
    }

    @Test
    void newestRegistryRecordDecides() {
        var b = clean().registryRefreshedAt(on(TODAY.minusDays(200))).recordedAt(IDENTITY, on(TODAY.minusDays(5)));
        assertTrue(run(new StalenessRule(), b).isEmpty());
        var stale = clean().registryRefreshedAt(on(TODAY.minusDays(300))).recordedAt(TSG_LICENCE, on(TODAY.minusDays(120)));
        assertEquals(List.of(ref(TSG_LICENCE, null)), only(run(new StalenessRule(), stale)).refs());
        assertEquals("120", only(run(new StalenessRule(), stale)).args().get(1));
    }

    @Test
    void nonRegistryItemsDoNotCountAsRefreshes() {
        var b = clean().registryRefreshedAt(on(TODAY.minusDays(100))).recordedAt(PLATFORM_LICENCE, on(TODAY));
        assertEquals("REGISTRY-STALE", only(run(new StalenessRule(), b)).ruleId());
    }

    @Test
    void caseWithoutRegistryDataHasNoStalenessFinding() {
        assertTrue(run(new StalenessRule(), clean().without(REGISTRY_LICENCE, TSG_LICENCE, IDENTITY)).isEmpty());
    }

    @Test
    void maximumAgeIsConfigurable() {
        var b = clean().registryRefreshedAt(on(TODAY.minusDays(10)))
                .settings(new VerificationSettings(30, Period.ofDays(180), Period.ofDays(7)));
        assertEquals(List.of(TODAY.minusDays(10).toString(), "10"), only(run(new StalenessRule(), b)).args());
    }
}

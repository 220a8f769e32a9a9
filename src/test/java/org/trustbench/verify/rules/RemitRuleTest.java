package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.PAVER;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;

class RemitRuleTest {

    private static Equipment towerCrane(SiteType site) {
        return new Equipment("4300", "Potain", "MDT 389", "PT389-66120", true, site);
    }

    @Test
    void craneAtAFactoryAndPaverOnARoadProjectHaveNoFinding() {
        assertTrue(run(new RemitRule(), clean()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = SiteType.class, names = {"CONSTRUCTION_SITE", "MUNICIPAL_WORKS"})
    void towerCraneOnAConstructionOrMunicipalSiteIsAWarningToConsiderReferral(SiteType site) {
        assertFinding(only(run(new RemitRule(), clean().equipment(towerCrane(site), PAVER))), "REMIT", Severity.WARNING,
                "finding.REMIT.construction", List.of("Potain MDT 389 PT389-66120", "#site." + site.name()),
                List.of(EvidenceRef.caseField("equipment")));
    }

    @ParameterizedTest
    @EnumSource(value = SiteType.class, names = {"CONSTRUCTION_SITE", "MUNICIPAL_WORKS"}, mode = EnumSource.Mode.EXCLUDE)
    void towerCraneElsewhereIsInRemit(SiteType site) {
        assertTrue(run(new RemitRule(), clean().equipment(towerCrane(site))).isEmpty());
    }

    @Test
    void mobileCraneOnAConstructionSiteIsLiftingMachineryToo() {
        Equipment mobile = new Equipment("4400", "Liebherr", "LTM 1100-5.2", "LTM-88122", true, SiteType.CONSTRUCTION_SITE);
        assertEquals("REMIT", only(run(new RemitRule(), clean().equipment(mobile))).ruleId());
    }

    @Test
    void paverOnARoadProjectOrEvenAConstructionSiteIsNotLiftingMachinery() {
        Equipment paverOnSite = new Equipment("ROAD_MACHINERY", "Vögele", "SUPER 1800-3i", "10181342207", false,
                SiteType.CONSTRUCTION_SITE);
        assertTrue(run(new RemitRule(), clean().equipment(PAVER, paverOnSite)).isEmpty());
    }

    @Test
    void forkliftOnAConstructionSiteIsNotLiftingMachinery() {
        Equipment forklift = new Equipment("5100", "Linde", "H50D", "LD-H50-3391", true, SiteType.CONSTRUCTION_SITE);
        assertTrue(run(new RemitRule(), clean().equipment(forklift)).isEmpty());
    }

    @Test
    void eachCraneOnASiteIsItsOwnFinding() {
        Equipment second = new Equipment("4300", "Liebherr", "172 EC-B", "LH172-20420", true, SiteType.MUNICIPAL_WORKS);
        List<Finding> f = run(new RemitRule(), clean().equipment(towerCrane(SiteType.CONSTRUCTION_SITE), second));
        assertEquals(List.of("Potain MDT 389 PT389-66120", "Liebherr 172 EC-B LH172-20420"),
                f.stream().map(x -> x.args().get(0)).toList());
    }
}

package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.ADDRESS;
import static org.trustbench.verify.CaseFixtures.INSPECTION;
import static org.trustbench.verify.CaseFixtures.MERCHANT_PREMISES;
import static org.trustbench.verify.CaseFixtures.PLATFORM_PREMISES;
import static org.trustbench.verify.CaseFixtures.REGISTRY_LICENCE;
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
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CaseFixtures;

class AddressRuleTest {

    private static final String OTHER_ROOM = "上海市浦东新区张衡路1000弄12号3层302室";
    private static final String OTHER_NUMBER = "上海市浦东新区张衡路1000弄14号3层301室";
    private static final String OTHER_ROAD = "上海市浦东新区郭守敬路1000弄12号3层301室";
    private static final String OTHER_DISTRICT = "上海市闵行区张衡路1000弄12号3层301室";

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new AddressRule(), b);
    }

    @Test
    void threeAgreeingAddressesHaveNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @Test
    void platformAddressDifferingFromTheDomicileIsAWarningNamingTheComponent() {
        assertFinding(only(check(clean().field(PLATFORM_PREMISES, "address", OTHER_ROOM))), "ADDR-MISMATCH",
                Severity.WARNING, "finding.ADDR-MISMATCH.registry.PLATFORM",
                List.of("#address.component.ROOM", ADDRESS, OTHER_ROOM),
                List.of(ref(REGISTRY_LICENCE, "address"), ref(PLATFORM_PREMISES, "address")));
    }

    @Test
    void declaredPremisesDifferingFromTheDomicileIsAWarningWhenTheInspectionFoundThem() {
        CaseFixtures.Builder b = clean().field(MERCHANT_PREMISES, "address", OTHER_NUMBER)
                .field(INSPECTION, "address", OTHER_NUMBER);
        assertFinding(only(check(b)), "ADDR-MISMATCH", Severity.WARNING, "finding.ADDR-MISMATCH.registry.MERCHANT",
                List.of("#address.component.NUMBER", ADDRESS, OTHER_NUMBER),
                List.of(ref(REGISTRY_LICENCE, "address"), ref(MERCHANT_PREMISES, "address")));
    }

    @Test
    void inspectedAddressIsComparedWithTheDomicileWhenNothingIsDeclared() {
        CaseFixtures.Builder b = clean().without(MERCHANT_PREMISES).field(INSPECTION, "address", OTHER_DISTRICT);
        assertFinding(only(check(b)), "ADDR-MISMATCH", Severity.WARNING, "finding.ADDR-MISMATCH.registry.INSPECTION",
                List.of("#address.component.DISTRICT", ADDRESS, OTHER_DISTRICT),
                List.of(ref(REGISTRY_LICENCE, "address"), ref(INSPECTION, "address")));
    }

    @Test
    void inspectionFindingThePremisesElsewhereThanDeclaredIsABlocker() {
        assertFinding(only(check(clean().field(INSPECTION, "address", OTHER_ROAD))), "ADDR-MISMATCH", Severity.BLOCKER,
                "finding.ADDR-MISMATCH.inspection", List.of("#address.component.ROAD", ADDRESS, OTHER_ROAD),
                List.of(ref(MERCHANT_PREMISES, "address"), ref(INSPECTION, "address")));
    }

    @Test
    void declaredPremisesTheInspectionDidNotFindGiveTheWarningAndTheBlocker() {
        List<Finding> f = check(clean().field(MERCHANT_PREMISES, "address", OTHER_ROOM));
        assertEquals(2, f.size(), f::toString);
        assertEquals("finding.ADDR-MISMATCH.registry.MERCHANT", f.get(0).messageKey());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertFinding(f.get(1), "ADDR-MISMATCH", Severity.BLOCKER, "finding.ADDR-MISMATCH.inspection",
                List.of("#address.component.ROOM", OTHER_ROOM, ADDRESS),
                List.of(ref(MERCHANT_PREMISES, "address"), ref(INSPECTION, "address")));
    }

    @Test
    void everyDifferingComponentIsNamedInWritingOrder() {
        String other = "上海市闵行区张衡路1000弄14号3层302室";
        Finding f = only(check(clean().field(PLATFORM_PREMISES, "address", other)));
        assertEquals("#address.component.DISTRICT,address.component.NUMBER,address.component.ROOM", f.args().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "浦东新区张衡路1000弄12号3层301室",          // city omitted
            "上海市浦东新区张衡路1000弄12号",              // floor and room omitted
            "上海市张衡路1000弄12号3层301室",              // district omitted
            "上海市浦东新区张江镇张衡路1000弄12号3层301室", // town added
            "上海市 浦东新区 张衡路1000弄12号 3层301室",    // spaces
            "上海市浦东新区张衡路１０００弄１２号３层３０１室"   // full-width digits
    })
    void componentsOnlyOneSideGivesAndWritingVariantsAreNoDifference(String address) {
        CaseFixtures.Builder b = clean().field(PLATFORM_PREMISES, "address", address)
                .field(MERCHANT_PREMISES, "address", address).field(INSPECTION, "address", address);
        assertTrue(check(b).isEmpty(), () -> check(b).toString());
    }

    @Test
    void sourceWithoutAnAddressIsSkipped() {
        assertTrue(check(clean().field(PLATFORM_PREMISES, "address", null).field(MERCHANT_PREMISES, "address", "  ")).isEmpty());
    }

    /**
     * A declared-premises item whose address is blank makes the rule skip the inspection entirely: the
     * inspected address is then compared with neither the declaration nor the domicile, so premises found
     * elsewhere pass silently. It should fall back to the domicile, as when nothing is declared.
     */
    @Test
    void inspectionIsComparedWithTheDomicileWhenTheDeclaredPremisesHaveNoAddress() {
        Finding f = only(check(clean().field(MERCHANT_PREMISES, "address", " ").field(INSPECTION, "address", OTHER_ROOM)));
        assertEquals("finding.ADDR-MISMATCH.registry.INSPECTION", f.messageKey());
    }

    @Test
    void withoutAnyPremisesEvidenceThereIsNothingToCompare() {
        assertTrue(check(clean().without(PLATFORM_PREMISES, MERCHANT_PREMISES, INSPECTION)).isEmpty());
    }

    @Test
    void withoutRegistryLicenceItemTheDomicileRefersToTheCase() {
        Finding f = only(check(clean().without(REGISTRY_LICENCE).field(PLATFORM_PREMISES, "address", OTHER_ROOM)));
        assertEquals(List.of(EvidenceRef.caseField("registeredAddress"), ref(PLATFORM_PREMISES, "address")), f.refs());
    }

    @Test
    void domicileIsTakenFromTheProviderRecord() {
        Finding f = only(check(clean().registeredAddress(OTHER_ROOM).field(MERCHANT_PREMISES, "address", null)
                .field(INSPECTION, "address", null)));
        assertEquals("finding.ADDR-MISMATCH.registry.PLATFORM", f.messageKey());
        assertEquals(List.of("#address.component.ROOM", OTHER_ROOM, ADDRESS), f.args());
    }
}

package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.LEGAL_REP;
import static org.trustbench.verify.CaseFixtures.MERCHANT_LICENCE;
import static org.trustbench.verify.CaseFixtures.NAME_ZH;
import static org.trustbench.verify.CaseFixtures.OTHER_NAME;
import static org.trustbench.verify.CaseFixtures.OTHER_USCC;
import static org.trustbench.verify.CaseFixtures.PLATFORM_LICENCE;
import static org.trustbench.verify.CaseFixtures.REGISTRY_LICENCE;
import static org.trustbench.verify.CaseFixtures.USCC;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CaseFixtures;

class ConsistencyRuleTest {

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new ConsistencyRule(), b);
    }

    private static long idOf(EvidenceSource source) {
        return source == EvidenceSource.PLATFORM ? PLATFORM_LICENCE : MERCHANT_LICENCE;
    }

    @Test
    void cleanCaseHasNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = EvidenceSource.class, names = {"PLATFORM", "MERCHANT"})
    void differentNameIsABlockerNamingTheSource(EvidenceSource source) {
        long id = idOf(source);
        assertFinding(only(check(clean().field(id, "name", OTHER_NAME))), "NAME-MISMATCH", Severity.BLOCKER,
                "finding.NAME-MISMATCH." + source.name(), List.of(NAME_ZH, OTHER_NAME),
                List.of(ref(REGISTRY_LICENCE, "name"), ref(id, "name")));
    }

    @ParameterizedTest
    @EnumSource(value = EvidenceSource.class, names = {"PLATFORM", "MERCHANT"})
    void differentUsccIsABlockerNamingTheSource(EvidenceSource source) {
        long id = idOf(source);
        assertFinding(only(check(clean().field(id, "uscc", OTHER_USCC))), "USCC-MISMATCH", Severity.BLOCKER,
                "finding.USCC-MISMATCH." + source.name(), List.of(USCC, OTHER_USCC),
                List.of(ref(REGISTRY_LICENCE, "uscc"), ref(id, "uscc")));
    }

    @ParameterizedTest
    @EnumSource(value = EvidenceSource.class, names = {"PLATFORM", "MERCHANT"})
    void differentLegalRepIsABlockerNamingTheSource(EvidenceSource source) {
        long id = idOf(source);
        assertFinding(only(check(clean().field(id, "legalRep", "李卫东"))), "REP-MISMATCH", Severity.BLOCKER,
                "finding.REP-MISMATCH." + source.name(), List.of(LEGAL_REP, "李卫东"),
                List.of(ref(REGISTRY_LICENCE, "legalRep"), ref(id, "legalRep")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"上海澜岳智能装备技术有限责任公司", "上海澜岳 智能装备技术有限公司", "上海澜岳智能装备技术有限公司　",
            " 上海澜岳智能装备技术有限公司"})
    void nameWrittenDifferentlyButAlikeAfterNormalisingIsNoFinding(String name) {
        assertTrue(check(clean().field(PLATFORM_LICENCE, "name", name).field(MERCHANT_LICENCE, "name", name)).isEmpty());
    }

    @Test
    void fullWidthBracketsAndLettersInTheNameAreNoFinding() {
        CaseFixtures.Builder b = clean().nameZh("澜岳(上海)3D智能装备技术有限公司")
                .field(PLATFORM_LICENCE, "name", "澜岳（上海）３Ｄ智能装备技术有限公司")
                .field(MERCHANT_LICENCE, "name", "澜岳【上海】3d智能装备技术有限公司");
        assertTrue(check(b).isEmpty());
    }

    @Test
    void usccInLowerCaseWithSpacesIsNoFinding() {
        assertTrue(check(clean().field(PLATFORM_LICENCE, "uscc", " " + USCC.toLowerCase() + " ")).isEmpty());
    }

    @Test
    void legalRepWithSpacesOrFullWidthIsNoFinding() {
        assertTrue(check(clean().field(PLATFORM_LICENCE, "legalRep", "顾 明哲").field(MERCHANT_LICENCE, "legalRep", "顾明哲　"))
                .isEmpty());
    }

    @Test
    void fieldTheSourceDoesNotGiveIsNotCompared() {
        assertTrue(check(clean().field(PLATFORM_LICENCE, "name", null).field(MERCHANT_LICENCE, "uscc", null)
                .field(MERCHANT_LICENCE, "legalRep", null)).isEmpty());
    }

    @Test
    void withoutPlatformAndMerchantLicenceNothingIsCompared() {
        assertTrue(check(clean().without(PLATFORM_LICENCE, MERCHANT_LICENCE)).isEmpty());
    }

    @Test
    void withoutRegistryLicenceItemTheFindingRefersOnlyToTheSource() {
        Finding f = only(check(clean().without(REGISTRY_LICENCE).field(PLATFORM_LICENCE, "name", OTHER_NAME)));
        assertEquals(List.of(ref(PLATFORM_LICENCE, "name")), f.refs());
        assertEquals(List.of(NAME_ZH, OTHER_NAME), f.args());
    }

    @Test
    void bothSourcesDifferingGiveOneFindingEachPlatformFirst() {
        List<Finding> f = check(clean().field(MERCHANT_LICENCE, "name", OTHER_NAME).field(PLATFORM_LICENCE, "name", OTHER_NAME));
        assertEquals(List.of("finding.NAME-MISMATCH.PLATFORM", "finding.NAME-MISMATCH.MERCHANT"),
                f.stream().map(Finding::messageKey).toList());
    }

    @Test
    void comparesAgainstTheProviderRecordNotTheRegistryItemField() {
        // The registry record (provider) and both listings disagree with a stale registry-item field: no finding.
        assertTrue(check(clean().field(REGISTRY_LICENCE, "name", OTHER_NAME)).isEmpty());
    }

    @Test
    void aDifferentLegalFormIsADifferentName() {
        Finding f = only(check(clean().field(PLATFORM_LICENCE, "name", "上海澜岳智能装备技术股份有限公司")));
        assertEquals("NAME-MISMATCH", f.ruleId());
    }
}

package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.IDENTITY;
import static org.trustbench.verify.CaseFixtures.INSPECTION;
import static org.trustbench.verify.CaseFixtures.MERCHANT_LICENCE;
import static org.trustbench.verify.CaseFixtures.PLATFORM_LICENCE;
import static org.trustbench.verify.CaseFixtures.REGISTRY_LICENCE;
import static org.trustbench.verify.CaseFixtures.TSG_LICENCE;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CheckInput.SignatureStatus;

class SignatureRuleTest {

    @Test
    void allRegistryRecordsValidlySignedHaveNoFinding() {
        assertTrue(run(new SignatureRule(), clean()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"MISSING, WARNING, missing", "UNKNOWN_ISSUER, BLOCKER, unknownIssuer", "INVALID, BLOCKER, invalid"})
    void eachFailedStatusIsAFindingOnThatRecord(SignatureStatus status, Severity severity, String variant) {
        String title = clean().item(REGISTRY_LICENCE).title();
        assertFinding(only(run(new SignatureRule(), clean().signature(REGISTRY_LICENCE, status))), "SIG-REGISTRY", severity,
                "finding.SIG-REGISTRY." + variant, List.of(title), List.of(ref(REGISTRY_LICENCE, null)));
    }

    @Test
    void registryRecordWithoutAComputedResultCountsAsUnsigned() {
        assertFinding(only(run(new SignatureRule(), clean().noSignatureResult(IDENTITY))), "SIG-REGISTRY", Severity.WARNING,
                "finding.SIG-REGISTRY.missing", List.of(clean().item(IDENTITY).title()), List.of(ref(IDENTITY, null)));
    }

    @ParameterizedTest
    @EnumSource(SignatureStatus.class)
    void nonRegistryItemsAreIgnoredWhateverTheirStatus(SignatureStatus status) {
        assertTrue(run(new SignatureRule(), clean().signature(PLATFORM_LICENCE, status).signature(MERCHANT_LICENCE, status)
                .signature(INSPECTION, status)).isEmpty());
    }

    @Test
    void eachRegistryRecordIsCheckedOnItsOwn() {
        List<Finding> f = run(new SignatureRule(), clean().signature(TSG_LICENCE, SignatureStatus.INVALID)
                .signature(IDENTITY, SignatureStatus.UNKNOWN_ISSUER));
        assertEquals(List.of(ref(TSG_LICENCE, null), ref(IDENTITY, null)), f.stream().flatMap(x -> x.refs().stream()).toList());
        assertEquals(List.of("finding.SIG-REGISTRY.invalid", "finding.SIG-REGISTRY.unknownIssuer"),
                f.stream().map(Finding::messageKey).toList());
    }
}

package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

/** The digest of a stored check covers every stored field, so two results share it only if they store the same rows. */
class StoredCheckFormTest {

    private static final Finding F = new Finding("R1", Severity.WARNING, "finding.R1.a", List.of("x", "y"),
            List.of(new EvidenceRef(7, "name")));
    private static final Map<String, StoredSignatureResult> SIG = Map.of("d1", new StoredSignatureResult(true, "aa"));

    private static String digest(String version, List<Finding> findings, Map<String, StoredSignatureResult> sigs) {
        return StoredCheckForm.of(version, new FindingRepository.CaseResult(findings, sigs)).digest();
    }

    @Test
    void sameResultSameDigestAndItIsSm3OfTheFields() {
        assertEquals(digest("1", List.of(F), SIG), digest("1", List.of(F), Map.copyOf(SIG)));
        assertEquals(64, digest("1", List.of(), Map.of()).length());
        // version "1", count "0", signatures "{}": each field a 4-byte big-endian length and its UTF-8 bytes
        byte[] expected = {0, 0, 0, 1, '1', 0, 0, 0, 1, '0', 0, 0, 0, 2, '{', '}'};
        assertEquals(Sm3.hex(expected), digest("1", List.of(), Map.of()));
    }

    @Test
    void everyStoredFieldChangesTheDigest() {
        Set<String> seen = new HashSet<>();
        List<String> all = List.of(
                digest("1", List.of(F), SIG),
                digest("2", List.of(F), SIG),
                digest("1", List.of(), SIG),
                digest("1", List.of(F, F), SIG),
                digest("1", List.of(new Finding("R2", F.severity(), F.messageKey(), F.args(), F.refs())), SIG),
                digest("1", List.of(new Finding(F.ruleId(), Severity.BLOCKER, F.messageKey(), F.args(), F.refs())), SIG),
                digest("1", List.of(new Finding(F.ruleId(), F.severity(), "finding.R1.b", F.args(), F.refs())), SIG),
                digest("1", List.of(new Finding(F.ruleId(), F.severity(), F.messageKey(), List.of("y", "x"), F.refs())), SIG),
                digest("1", List.of(new Finding(F.ruleId(), F.severity(), F.messageKey(), List.of("xy"), F.refs())), SIG),
                digest("1", List.of(new Finding(F.ruleId(), F.severity(), F.messageKey(), F.args(),
                        List.of(new EvidenceRef(8, "name")))), SIG),
                digest("1", List.of(new Finding(F.ruleId(), F.severity(), F.messageKey(), F.args(),
                        List.of(new EvidenceRef(7, "address")))), SIG),
                digest("1", List.of(F), Map.of()),
                digest("1", List.of(F), Map.of("d1", new StoredSignatureResult(false, "aa"))),
                digest("1", List.of(F), Map.of("d1", new StoredSignatureResult(true, "ab"))),
                digest("1", List.of(F), Map.of("d2", new StoredSignatureResult(true, "aa"))));
        seen.addAll(all);
        assertEquals(all.size(), seen.size(), "each variant has its own digest: " + all);
    }

    @Test
    void fieldBoundariesCannotShift() {
        assertNotEquals(digest("1", List.of(new Finding("AB", Severity.INFO, "k", List.of(), List.of())), Map.of()),
                digest("1", List.of(new Finding("A", Severity.INFO, "Bk", List.of(), List.of())), Map.of()));
    }

    @Test
    void theMaximumSeverityIsTheMostSevereFinding() {
        Finding error = new Finding("R3", Severity.BLOCKER, "finding.R3.a", List.of(), List.of());
        assertEquals(Severity.BLOCKER, StoredCheckForm.of("1", new FindingRepository.CaseResult(List.of(F, error), Map.of()))
                .maxSeverity());
        assertEquals(null, StoredCheckForm.of("1", new FindingRepository.CaseResult(List.of(), Map.of())).maxSeverity());
    }
}

package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.verify.CheckInput;
import org.trustbench.verify.CheckInput.SignatureStatus;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** SIG-REGISTRY: a registry record's SM2/SM3 signature is missing, invalid, by an untrusted issuer, or by a revoked key. */
public final class SignatureRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("SIG-REGISTRY");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        for (EvidenceItem item : input.filingCase().evidence()) {
            if (item.source() != EvidenceSource.REGULATOR) {
                continue;
            }
            SignatureStatus status = input.signatures().getOrDefault(item.id(), SignatureStatus.MISSING);
            switch (status) {
                case VALID -> { }
                case MISSING -> out.add(Finding.of("SIG-REGISTRY", Severity.WARNING, "missing",
                        List.of(Facts.ref(item, null)), item.title()));
                case UNKNOWN_ISSUER -> out.add(Finding.of("SIG-REGISTRY", Severity.BLOCKER, "unknownIssuer",
                        List.of(Facts.ref(item, null)), item.title()));
                case INVALID -> out.add(Finding.of("SIG-REGISTRY", Severity.BLOCKER, "invalid",
                        List.of(Facts.ref(item, null)), item.title()));
                case REVOKED -> out.add(Finding.of("SIG-REGISTRY", Severity.BLOCKER, "revoked",
                        List.of(Facts.ref(item, null)), item.title(), shortId(item.signature().keyId())));
            }
        }
    }

    /** The first 16 hex digits of a key id, as the key lists show it. */
    private static String shortId(String keyId) {
        return keyId.length() > 16 ? keyId.substring(0, 16) : keyId;
    }
}

package org.trustbench.verify;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.trustbench.domain.FilingCase;

/**
 * Everything the rules look at for one case. Facts that need crypto or the store (signature
 * results, attachment digests) are computed beforehand by the service, so the rules stay pure.
 *
 * @param signatures     signature result of each registry evidence item, by evidence id
 * @param corruptBlobs   SM3 digests of attachments whose stored content no longer matches
 */
public record CheckInput(FilingCase filingCase, LocalDate today, VerificationSettings settings,
                         Map<Long, SignatureStatus> signatures, Set<String> corruptBlobs) {

    public CheckInput {
        signatures = Map.copyOf(signatures);
        corruptBlobs = Set.copyOf(corruptBlobs);
    }

    /** Outcome of checking a registry record's signature against the trusted issuers. */
    /** REVOKED: the content matches, but the issuer key was revoked (kept for history, no longer trusted). */
    public enum SignatureStatus { VALID, MISSING, UNKNOWN_ISSUER, INVALID, REVOKED }
}

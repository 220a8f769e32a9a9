package org.trustbench.intake;

import java.util.List;
import java.util.Map;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.TrustedIssuer;

/**
 * Providers, cases and attachment contents to write in one transaction. Ids in the records
 * are ignored; cases refer to their provider by USCC.
 *
 * @param blobs   attachment contents by SM3 digest (hex)
 * @param issuers registry issuers whose signatures the store trusts
 */
public record IntakeBatch(List<Provider> providers, List<FilingCase> cases, Map<String, byte[]> blobs,
                          List<TrustedIssuer> issuers) {

    public IntakeBatch {
        providers = List.copyOf(providers);
        cases = List.copyOf(cases);
        blobs = Map.copyOf(blobs);
        issuers = List.copyOf(issuers);
    }

    public int evidenceCount() {
        return cases.stream().mapToInt(c -> c.evidence().size()).sum();
    }
}

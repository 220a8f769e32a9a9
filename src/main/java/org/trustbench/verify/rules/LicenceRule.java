package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** LIC-STATUS: the registry status is not active. LIC-TERM: the business term has ended. */
public final class LicenceRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("LIC-STATUS", "LIC-TERM");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Provider p = input.filingCase().provider();
        RegistryStatus status = p.registryStatus();
        if (!status.isActive()) {
            out.add(Finding.of("LIC-STATUS", Severity.BLOCKER, status.name(),
                    List.of(EvidenceRef.caseField("registryStatus")), status.label()));
        }
        if (p.termTo() != null && p.termTo().isBefore(input.today())) {
            out.add(Finding.of("LIC-TERM", Severity.BLOCKER, "ended", List.of(EvidenceRef.caseField("termTo")), p.termTo()));
        }
    }
}

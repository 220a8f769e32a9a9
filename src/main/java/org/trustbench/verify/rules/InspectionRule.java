package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** PREM-INSPECTION: no field inspection of the premises, or its result is not CONFIRMED. */
public final class InspectionRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("PREM-INSPECTION");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Facts facts = new Facts(input.filingCase());
        facts.item(EvidenceKind.PREMISES, EvidenceSource.INSPECTION).ifPresentOrElse(item -> {
            String result = item.field("result");
            if (!"CONFIRMED".equals(result)) {
                out.add(Finding.of("PREM-INSPECTION", Severity.BLOCKER, "notConfirmed", List.of(Facts.ref(item, "result")),
                        result == null ? "—" : result));
            }
        }, () -> out.add(Finding.of("PREM-INSPECTION", Severity.BLOCKER, "missing", List.of(EvidenceRef.caseField("premises")))));
    }
}

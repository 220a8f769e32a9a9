package org.trustbench.verify.rules;

import java.util.List;
import java.util.Set;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.SiteType;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * REMIT: lifting machinery on building or municipal construction sites is supervised by the
 * construction authorities (Special Equipment Safety Law art. 100); the case may need referral.
 */
public final class RemitRule implements Rule {

    private static final Set<SiteType> CONSTRUCTION = Set.of(SiteType.CONSTRUCTION_SITE, SiteType.MUNICIPAL_WORKS);

    @Override
    public List<String> ids() {
        return List.of("REMIT");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        for (Equipment e : input.filingCase().equipment()) {
            if (e.specialEquipment() && e.categoryCode().startsWith("4") && CONSTRUCTION.contains(e.siteType())) {
                out.add(Finding.of("REMIT", Severity.WARNING, "construction", List.of(EvidenceRef.caseField("equipment")),
                        e.make() + " " + e.model() + " " + e.serial(), "#site." + e.siteType().name()));
            }
        }
    }
}

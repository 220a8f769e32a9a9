package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.FilingCase;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * PERFORMER: the entity that performs the service must be the filing entity. Another performer
 * without a declared subcontract is a BLOCKER; with one, the subcontractor must be verified too.
 */
public final class PerformerRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("PERFORMER");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        FilingCase c = input.filingCase();
        if (c.performedByFiler()) {
            return;
        }
        List<EvidenceRef> ref = List.of(EvidenceRef.caseField("performer"));
        if (c.subcontractDeclared()) {
            out.add(Finding.of("PERFORMER", Severity.WARNING, "subcontract", ref, c.performer().name(), c.performer().uscc()));
        } else {
            out.add(Finding.of("PERFORMER", Severity.BLOCKER, "other", ref, c.performer().name(), c.performer().uscc(),
                    c.provider().nameZh()));
        }
    }
}

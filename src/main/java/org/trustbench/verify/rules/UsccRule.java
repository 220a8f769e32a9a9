package org.trustbench.verify.rules;

import java.util.List;
import org.trustbench.domain.Uscc;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * USCC-FORMAT and USCC-CHECK: the provider's code per GB 32100-2015. A failed check character
 * is a WARNING asking for registry confirmation (pilot-era codes fail it and are still valid).
 */
public final class UsccRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("USCC-FORMAT", "USCC-CHECK");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Uscc.Check check = Uscc.check(input.filingCase().provider().uscc());
        String code = check.code();
        List<EvidenceRef> ref = List.of(EvidenceRef.caseField("uscc"));
        switch (check.result()) {
            case VALID -> { }
            case BAD_FORMAT -> out.add(Finding.of("USCC-FORMAT", Severity.BLOCKER, "format", ref, code));
            case BAD_CHECK_CHARACTER -> out.add(Finding.of("USCC-CHECK", Severity.WARNING, "checkCharacter", ref,
                    code, code.charAt(17), check.expectedCheckCharacter()));
            case BAD_ORGANISATION_CHECK -> out.add(Finding.of("USCC-CHECK", Severity.WARNING, "organisationCheck", ref,
                    code, code.charAt(16), check.expectedOrganisationCheck()));
        }
    }
}

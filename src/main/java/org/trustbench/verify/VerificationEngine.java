package org.trustbench.verify;

import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trustbench.verify.rules.AddressRule;
import org.trustbench.verify.rules.AttachmentRule;
import org.trustbench.verify.rules.AuthorisationRule;
import org.trustbench.verify.rules.ConsistencyRule;
import org.trustbench.verify.rules.CredentialRule;
import org.trustbench.verify.rules.IdentityRule;
import org.trustbench.verify.rules.InspectionRule;
import org.trustbench.verify.rules.LicenceRule;
import org.trustbench.verify.rules.PerformerRule;
import org.trustbench.verify.rules.RemitRule;
import org.trustbench.verify.rules.SignatureRule;
import org.trustbench.verify.rules.StalenessRule;
import org.trustbench.verify.rules.UsccRule;

/** Runs every rule over a case. Plain Java: no store, no UI, no clock of its own. */
public final class VerificationEngine {

    /** Stamped on stored findings; raise when a rule's meaning changes. */
    public static final String VERSION = "1.0.0";

    private final List<Rule> rules;

    public VerificationEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard rule set. */
    public static VerificationEngine standard() {
        return new VerificationEngine(List.of(new UsccRule(), new LicenceRule(), new ConsistencyRule(), new AddressRule(),
                new InspectionRule(), new CredentialRule(), new IdentityRule(), new AuthorisationRule(), new PerformerRule(),
                new SignatureRule(), new RemitRule(), new StalenessRule(), new AttachmentRule()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Findings for one case, most severe first, in rule order within a severity. */
    public List<Finding> check(CheckInput input) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(input, out);
        }
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }
}

package org.trustbench.verify.rules;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.ServiceType;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.NameNormaliser;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * AUTH-VALIDITY: the overseas customer's authorisation is missing or has expired.
 * AUTH-PARTY: it does not name this supplier. AUTH-SCOPE: it does not cover the equipment or service.
 */
public final class AuthorisationRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("AUTH-VALIDITY", "AUTH-PARTY", "AUTH-SCOPE");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        FilingCase c = input.filingCase();
        List<EvidenceItem> auths = new Facts(c).all(EvidenceKind.AUTHORISATION);
        if (auths.isEmpty()) {
            out.add(Finding.of("AUTH-VALIDITY", Severity.BLOCKER, "missing", List.of(EvidenceRef.caseField("authorisation"))));
            return;
        }
        EvidenceItem a = auths.get(0);
        if (a.validTo() != null && a.validTo().isBefore(input.today())) {
            out.add(Finding.of("AUTH-VALIDITY", Severity.BLOCKER, "expired", List.of(Facts.ref(a, "validTo")),
                    a.field("customer"), a.validTo()));
        } else if (a.validFrom() != null && a.validFrom().isAfter(input.today())) {
            out.add(Finding.of("AUTH-VALIDITY", Severity.WARNING, "notYet", List.of(Facts.ref(a, "validFrom")),
                    a.field("customer"), a.validFrom()));
        }
        String uscc = a.field("authorisedUscc");
        String party = a.field("authorisedParty");
        boolean usccOk = uscc == null || uscc.strip().equalsIgnoreCase(c.provider().uscc());
        boolean nameOk = party == null || NameNormaliser.normalise(party).equals(NameNormaliser.normalise(c.provider().nameZh()));
        if (!usccOk || !nameOk || uscc == null && party == null) {
            out.add(Finding.of("AUTH-PARTY", Severity.BLOCKER, "other",
                    List.of(Facts.ref(a, usccOk ? "authorisedParty" : "authorisedUscc")),
                    party == null ? "—" : party, uscc == null ? "—" : uscc, c.provider().nameZh()));
        }
        Set<String> serials = split(a.field("equipment"));
        Set<String> services = split(a.field("services"));
        Set<String> missing = new LinkedHashSet<>();
        for (Equipment e : c.equipment()) {
            if (!serials.contains(e.serial())) {
                missing.add(e.make() + " " + e.model() + " " + e.serial());
            }
        }
        for (ServiceType s : c.services()) {
            if (!services.contains(s.name())) {
                missing.add("service." + s.name());
            }
        }
        if (!missing.isEmpty()) {
            out.add(Finding.of("AUTH-SCOPE", Severity.BLOCKER, "uncovered",
                    List.of(Facts.ref(a, "equipment"), Facts.ref(a, "services")), "#" + String.join(",", missing)));
        }
    }

    private static Set<String> split(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}

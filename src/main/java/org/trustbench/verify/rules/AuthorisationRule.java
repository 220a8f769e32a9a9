package org.trustbench.verify.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Provider;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CheckInput;
import org.trustbench.verify.Facts;
import org.trustbench.verify.NameNormaliser;
import org.trustbench.verify.Rule;

/**
 * AUTH-VALIDITY: an overseas customer's or manufacturer's authorisation is missing or has expired.
 * AUTH-PARTY: it does not name this supplier. AUTH-SCOPE: the authorisations together do not cover
 * the equipment or a service (each customer may authorise its own machines in its own letter).
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
        Set<String> serials = new HashSet<>();
        Set<String> services = new HashSet<>();
        for (EvidenceItem a : auths) {
            validity(input, a, out);
            party(c.provider(), a, out);
            serials.addAll(split(a.field("equipment")));
            services.addAll(split(a.field("services")));
        }
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
            List<EvidenceRef> refs = auths.stream().flatMap(a -> java.util.stream.Stream.of(Facts.ref(a, "equipment"),
                    Facts.ref(a, "services"))).toList();
            out.add(Finding.of("AUTH-SCOPE", Severity.BLOCKER, "uncovered", refs, "#" + String.join(",", missing)));
        }
    }

    private static void validity(CheckInput input, EvidenceItem a, List<Finding> out) {
        if (a.validTo() != null && a.validTo().isBefore(input.today())) {
            out.add(Finding.of("AUTH-VALIDITY", Severity.BLOCKER, "expired", List.of(Facts.ref(a, "validTo")),
                    orDash(a.field("customer")), a.validTo()));
        } else if (a.validFrom() != null && a.validFrom().isAfter(input.today())) {
            out.add(Finding.of("AUTH-VALIDITY", Severity.WARNING, "notYet", List.of(Facts.ref(a, "validFrom")),
                    orDash(a.field("customer")), a.validFrom()));
        }
    }

    /** The letter must name the filing entity: by USCC where it gives one, and by its Chinese or English name. */
    private static void party(Provider p, EvidenceItem a, List<Finding> out) {
        String uscc = a.field("authorisedUscc");
        String party = a.field("authorisedParty");
        boolean usccOk = uscc == null || uscc.strip().equalsIgnoreCase(p.uscc());
        String name = party == null ? null : NameNormaliser.normalise(party);
        boolean nameOk = party == null || name.equals(NameNormaliser.normalise(p.nameZh()))
                || p.nameEn() != null && name.equals(NameNormaliser.normalise(p.nameEn()));
        if (!usccOk || !nameOk || uscc == null && party == null) {
            out.add(Finding.of("AUTH-PARTY", Severity.BLOCKER, "other",
                    List.of(Facts.ref(a, usccOk ? "authorisedParty" : "authorisedUscc")),
                    orDash(party), orDash(uscc), p.nameZh()));
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static Set<String> split(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}

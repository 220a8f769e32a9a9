package org.trustbench.verify.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.ServiceType;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * CRED-VALIDITY: a credential has expired, expires before the end of the authorised service
 * period, or expires within the warning window. CRED-SCOPE: no credential covers a declared
 * service or equipment category. Scope is data (a comma-separated list of codes), not a
 * hard-coded licensing rule.
 */
public final class CredentialRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("CRED-VALIDITY", "CRED-SCOPE");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Facts facts = new Facts(input.filingCase());
        List<EvidenceItem> credentials = facts.all(EvidenceKind.CREDENTIAL);
        LocalDate today = input.today();
        // The authorised service period ends with the latest authorisation, whoever supplied it.
        Optional<LocalDate> serviceEnd = facts.all(EvidenceKind.AUTHORISATION).stream().map(EvidenceItem::validTo)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo);
        for (EvidenceItem c : credentials) {
            String number = Optional.ofNullable(c.field("number")).orElse(c.title());
            if (c.validTo() == null) {
                continue;
            }
            List<EvidenceRef> ref = List.of(Facts.ref(c, "validTo"));
            if (c.validTo().isBefore(today)) {
                out.add(Finding.of("CRED-VALIDITY", Severity.BLOCKER, "expired", ref, number, c.validTo()));
            } else if (serviceEnd.isPresent() && c.validTo().isBefore(serviceEnd.get())) {
                out.add(Finding.of("CRED-VALIDITY", Severity.BLOCKER, "beforeServiceEnd", ref, number, c.validTo(), serviceEnd.get()));
            } else if (ChronoUnit.DAYS.between(today, c.validTo()) <= input.settings().credentialWarningDays()) {
                out.add(Finding.of("CRED-VALIDITY", Severity.WARNING, "expiring", ref, number, c.validTo(),
                        ChronoUnit.DAYS.between(today, c.validTo())));
            }
        }
        Set<String> covered = credentials.stream().map(c -> c.field("scope")).filter(s -> s != null)
                .flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).collect(Collectors.toSet());
        Set<String> missing = new LinkedHashSet<>();
        for (ServiceType s : input.filingCase().services()) {
            if (!covered.contains(s.name())) {
                missing.add("service." + s.name());
            }
        }
        for (Equipment e : input.filingCase().equipment()) {
            if (!covered.contains(e.categoryCode())) {
                missing.add("equipment.code." + e.categoryCode());
            }
        }
        if (!missing.isEmpty()) {
            List<EvidenceRef> refs = credentials.isEmpty() ? List.of(EvidenceRef.caseField("credentials"))
                    : credentials.stream().map(c -> Facts.ref(c, "scope")).toList();
            out.add(Finding.of("CRED-SCOPE", Severity.BLOCKER, credentials.isEmpty() ? "none" : "uncovered", refs,
                    "#" + String.join(",", missing)));
        }
    }
}

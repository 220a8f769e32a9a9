package org.trustbench.verify.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.NameNormaliser;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** ID-CHECK: the legal representative's real-person check is missing, failed, of someone else, or too old. */
public final class IdentityRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("ID-CHECK");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        List<EvidenceItem> checks = new Facts(input.filingCase()).all(EvidenceKind.IDENTITY);
        if (checks.isEmpty()) {
            out.add(Finding.of("ID-CHECK", Severity.BLOCKER, "missing", List.of(EvidenceRef.caseField("identity"))));
            return;
        }
        EvidenceItem latest = checks.stream().max(java.util.Comparator.comparing(e -> checkedAt(e).orElse(OffsetDateTime.MIN)))
                .orElseThrow();
        String rep = input.filingCase().provider().legalRep();
        if (!"PASSED".equals(latest.field("result"))) {
            out.add(Finding.of("ID-CHECK", Severity.BLOCKER, "failed", List.of(Facts.ref(latest, "result")),
                    orDash(latest.field("result")), orDash(latest.field("method"))));
        }
        String person = latest.field("person");
        if (person != null && !NameNormaliser.normalisePerson(person).equals(NameNormaliser.normalisePerson(rep))) {
            out.add(Finding.of("ID-CHECK", Severity.BLOCKER, "otherPerson", List.of(Facts.ref(latest, "person")), person, rep));
        }
        Optional<OffsetDateTime> at = checkedAt(latest);
        if (at.isEmpty()) {
            out.add(Finding.of("ID-CHECK", Severity.WARNING, "noTime", List.of(Facts.ref(latest, "checkedAt"))));
        } else {
            LocalDate day = at.get().toLocalDate();
            if (day.plus(input.settings().identityMaxAge()).isBefore(input.today())) {
                out.add(Finding.of("ID-CHECK", Severity.WARNING, "old", List.of(Facts.ref(latest, "checkedAt")), day,
                        input.settings().identityMaxAge().getDays()));
            }
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static Optional<OffsetDateTime> checkedAt(EvidenceItem e) {
        String v = e.field("checkedAt");
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}

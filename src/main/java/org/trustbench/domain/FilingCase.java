package org.trustbench.domain;

import java.time.LocalDate;
import java.util.List;

/** A filing case with everything the officer reviews. */
public record FilingCase(
        long id,
        String caseNo,
        Provider provider,
        String districtCode,
        String platform,
        LocalDate receivedOn,
        LocalDate deadlineOn,
        CaseStatus status,
        String assignee,
        List<ServiceType> services,
        Performer performer,
        boolean subcontractDeclared,
        List<Equipment> equipment,
        List<EvidenceItem> evidence) {

    public FilingCase {
        services = ServiceType.sorted(services);
        equipment = List.copyOf(equipment);
        evidence = List.copyOf(evidence);
    }

    /** The performer is the filing entity itself. */
    public boolean performedByFiler() {
        return performer.uscc().equalsIgnoreCase(provider.uscc());
    }
}

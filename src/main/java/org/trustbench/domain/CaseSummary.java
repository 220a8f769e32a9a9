package org.trustbench.domain;

import java.time.LocalDate;
import java.util.List;
import java.time.temporal.ChronoUnit;

/** One row of the case queue. */
public record CaseSummary(long id, String caseNo, String providerNameZh, String providerNameEn, String uscc,
                          List<ServiceType> services, LocalDate receivedOn, LocalDate deadlineOn,
                          CaseStatus status, String assignee) {

    public CaseSummary {
        services = ServiceType.sorted(services);
    }

    /** Days from {@code today} to the deadline; negative when overdue. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadlineOn);
    }
}

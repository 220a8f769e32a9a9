package org.trustbench.domain;

import java.time.LocalDate;
import java.util.List;
import java.time.temporal.ChronoUnit;

/**
 * One row of the case queue.
 *
 * @param maxSeverity  the most severe finding, {@code null} when the case has none or was never checked
 * @param findingCount number of findings, {@code -1} when the case was never checked
 * @param lastDecidedBy who made the case's latest decision, {@code null} if none
 * @param lastDecidedOn the day of the latest decision (in the store's zone), {@code null} if none
 */
public record CaseSummary(long id, String caseNo, String providerNameZh, String providerNameEn, String uscc,
                          List<ServiceType> services, LocalDate receivedOn, LocalDate deadlineOn,
                          CaseStatus status, String assignee, Severity maxSeverity, int findingCount,
                          String lastDecidedBy, LocalDate lastDecidedOn) {

    public CaseSummary {
        services = ServiceType.sorted(services);
    }

    public boolean checked() {
        return findingCount >= 0;
    }

    /** Days from {@code today} to the deadline; negative when overdue. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadlineOn);
    }
}

package org.trustbench.caseq;

import java.util.Objects;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.ServiceType;

/**
 * What the officer asked the queue for.
 *
 * @param text    free text matched against case number, USCC and the Chinese and English names
 * @param status  only cases in this status, or {@code null} for all
 * @param service only cases declaring this service, or {@code null} for all
 */
public record QueueQuery(String text, CaseStatus status, ServiceType service, SortKey sortKey, boolean ascending) {

    public static final QueueQuery ALL = new QueueQuery("", null, null, SortKey.DEADLINE, true);

    public QueueQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(sortKey, "sortKey");
    }

    public QueueQuery withText(String newText) {
        return new QueueQuery(newText, status, service, sortKey, ascending);
    }

    public QueueQuery withStatus(CaseStatus newStatus) {
        return new QueueQuery(text, newStatus, service, sortKey, ascending);
    }

    public QueueQuery withService(ServiceType newService) {
        return new QueueQuery(text, status, newService, sortKey, ascending);
    }

    public QueueQuery withSort(SortKey key, boolean asc) {
        return new QueueQuery(text, status, service, key, asc);
    }
}

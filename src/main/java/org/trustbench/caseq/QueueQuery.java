package org.trustbench.caseq;

import java.util.Objects;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.ServiceType;

/**
 * What the officer asked the queue for.
 *
 * @param text    free text matched against case number, USCC and the Chinese and English names
 * @param status  only cases in this status, or {@code null} for all
 * @param service only cases declaring this service, or {@code null} for all
 * @param severity only cases whose highest finding matches, or {@code null} for all
 * @param minFindings only cases with at least this many findings (0 for all)
 */
public record QueueQuery(String text, CaseStatus status, ServiceType service, SeverityFilter severity, int minFindings,
                         SortKey sortKey, boolean ascending, QueueView view, QueueView.Viewer viewer) {

    public static final QueueQuery ALL = new QueueQuery("", null, null, null, 0, SortKey.DEADLINE, true, QueueView.ALL,
            QueueView.Viewer.NOBODY);

    public QueueQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(sortKey, "sortKey");
        view = view == null ? QueueView.ALL : view;
        viewer = viewer == null ? QueueView.Viewer.NOBODY : viewer;
    }

    public QueueQuery withView(QueueView newView, QueueView.Viewer newViewer) {
        return new QueueQuery(text, status, service, severity, minFindings, sortKey, ascending, newView, newViewer);
    }

    public QueueQuery withText(String newText) {
        return new QueueQuery(newText, status, service, severity, minFindings, sortKey, ascending, view, viewer);
    }

    public QueueQuery withStatus(CaseStatus newStatus) {
        return new QueueQuery(text, newStatus, service, severity, minFindings, sortKey, ascending, view, viewer);
    }

    public QueueQuery withService(ServiceType newService) {
        return new QueueQuery(text, status, newService, severity, minFindings, sortKey, ascending, view, viewer);
    }

    public QueueQuery withSeverity(SeverityFilter newSeverity) {
        return new QueueQuery(text, status, service, newSeverity, minFindings, sortKey, ascending, view, viewer);
    }

    public QueueQuery withMinFindings(int min) {
        return new QueueQuery(text, status, service, severity, min, sortKey, ascending, view, viewer);
    }

    public QueueQuery withSort(SortKey key, boolean asc) {
        return new QueueQuery(text, status, service, severity, minFindings, key, asc, view, viewer);
    }

    /** Whether {@code row} passes the filters (not the text). A case not checked yet counts -1 findings: 0 shows it. */
    boolean accepts(CaseSummary row) {
        return (status == null || row.status() == status)
                && (service == null || row.services().contains(service))
                && (severity == null || severity.test(row))
                && (minFindings <= 0 || row.findingCount() >= minFindings)
                && view.test(row, viewer);
    }
}

package org.trustbench.caseq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;

class QueueIndexTest {

    private static final CaseSummary A = new CaseSummary(1, "BA-310115-2026-000001", "上海擎域起重设备技术服务有限公司",
            "Shanghai Qingyu Lifting Equipment Technical Service Co., Ltd.", "91310115MA1K4ABC1X",
            List.of(ServiceType.REMOTE_DIAGNOSTICS), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
            CaseStatus.RECEIVED, "李敏", Severity.BLOCKER, 2, null, null);
    private static final CaseSummary B = new CaseSummary(2, "BA-310104-2026-000002", "上海路衡工程机械有限公司",
            "Shanghai Luheng Construction Machinery Co., Ltd.", "91310104MA1FL2XY3Q",
            List.of(ServiceType.PAVER_3D_CALIBRATION, ServiceType.OPERATOR_TRAINING), LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 12, 2), CaseStatus.IN_REVIEW, null, null, 0, null, null);
    private static final CaseSummary C = new CaseSummary(3, "BA-310115-2026-000003", "上海（浦东）安起机电有限公司",
            null, "91310115MA1H9ZZZ0D", List.of(ServiceType.CRANE_MAINTENANCE), LocalDate.of(2026, 9, 20),
            LocalDate.of(2026, 10, 20), CaseStatus.DECIDED, "王强", Severity.WARNING, 1, "officer1", LocalDate.of(2026, 10, 18));

    private final QueueIndex index = QueueIndex.of(List.of(A, B, C));

    private List<Long> ids(QueueQuery q) {
        return index.search(q).stream().map(CaseSummary::id).toList();
    }

    @Test
    void emptyQueryReturnsAllByDeadline() {
        assertEquals(List.of(3L, 1L, 2L), ids(QueueQuery.ALL));
    }

    @Test
    void aCaseNotCheckedYetIsShownUnlessFindingsAreAskedFor() {
        CaseSummary unchecked = new CaseSummary(4, "BA-310115-2026-000004", "上海未核验机电有限公司", null, "91310115MA1H9ZZZ1E",
                List.of(ServiceType.CRANE_MAINTENANCE), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
                CaseStatus.RECEIVED, null, null, -1, null, null);
        QueueIndex withUnchecked = QueueIndex.of(List.of(A, B, C, unchecked));
        assertEquals(List.of(4L, 3L, 1L, 2L), withUnchecked.search(QueueQuery.ALL).stream().map(CaseSummary::id).toList());
        assertEquals(List.of(3L, 1L), withUnchecked.search(QueueQuery.ALL.withMinFindings(1)).stream().map(CaseSummary::id).toList());
    }

    @Test
    void matchesChineseNameSubstring() {
        assertEquals(List.of(1L), ids(QueueQuery.ALL.withText("擎域")));
    }

    @Test
    void matchesEnglishNameCaseInsensitively() {
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withText("LUHENG construction")));
    }

    @Test
    void matchesCaseNumberAndUsccPrefixes() {
        assertEquals(List.of(3L, 1L), ids(QueueQuery.ALL.withText("BA-310115")));
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withText("91310104")));
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withText("91310104ma1fl")));
    }

    @Test
    void fullWidthQueryMatchesHalfWidthAndBack() {
        // Full-width brackets and letters normalise to half-width on both sides.
        assertEquals(List.of(3L), ids(QueueQuery.ALL.withText("(浦东)")));
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withText("ＢＡ－310104")));
    }

    @Test
    void everyTermMustMatch() {
        assertEquals(List.of(1L), ids(QueueQuery.ALL.withText("上海 擎域")));
        assertEquals(List.of(), ids(QueueQuery.ALL.withText("擎域 路衡")));
    }

    @Test
    void filtersByStatusAndService() {
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withStatus(CaseStatus.IN_REVIEW)));
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withService(ServiceType.OPERATOR_TRAINING)));
        assertEquals(List.of(), ids(QueueQuery.ALL.withService(ServiceType.OPERATOR_TRAINING).withStatus(CaseStatus.RECEIVED)));
    }

    @Test
    void sortsByAnyColumnBothWays() {
        assertEquals(List.of(2L, 1L, 3L), ids(QueueQuery.ALL.withSort(SortKey.CASE_NO, true)));
        assertEquals(List.of(3L, 1L, 2L), ids(QueueQuery.ALL.withSort(SortKey.CASE_NO, false)));
        assertEquals(List.of(3L, 1L, 2L), ids(QueueQuery.ALL.withSort(SortKey.RECEIVED, true)));
        assertEquals(List.of(1L, 3L, 2L), ids(QueueQuery.ALL.withSort(SortKey.ASSIGNEE, true)));
        assertEquals(List.of(1L, 2L, 3L), ids(QueueQuery.ALL.withSort(SortKey.STATUS, true)));
        List<Long> byName = new java.util.ArrayList<>(ids(QueueQuery.ALL.withSort(SortKey.PROVIDER, true)));
        assertEquals(3, byName.size());
        // Pinyin order after the shared 上海: lu (路) before qing (擎).
        assertEquals(true, byName.indexOf(2L) < byName.indexOf(1L));
        java.util.Collections.reverse(byName);
        assertEquals(byName, ids(QueueQuery.ALL.withSort(SortKey.PROVIDER, false)));
    }

    @Test
    void filtersOnHighestSeverityAndFindingCount() {
        assertEquals(List.of(1L), ids(QueueQuery.ALL.withSeverity(SeverityFilter.BLOCKER)));
        assertEquals(List.of(2L), ids(QueueQuery.ALL.withSeverity(SeverityFilter.CLEAN)));
        assertEquals(List.of(), ids(QueueQuery.ALL.withSeverity(SeverityFilter.UNCHECKED)));
        assertEquals(List.of(3L, 1L), ids(QueueQuery.ALL.withMinFindings(1)));
        assertEquals(List.of(1L), ids(QueueQuery.ALL.withMinFindings(2)));
        assertEquals(List.of(1L, 3L, 2L), ids(QueueQuery.ALL.withSort(SortKey.FINDINGS, true)));
    }

    @Test
    void readyMadeViewsFollowTheViewer() {
        QueueView.Viewer wang = new QueueView.Viewer("wq", "王强", false, LocalDate.of(2026, 10, 18));
        assertEquals(List.of(3L), ids(QueueQuery.ALL.withView(QueueView.MINE, wang)));
        assertEquals(List.of(3L), ids(QueueQuery.ALL.withView(QueueView.DECIDED_TODAY, wang)));
        assertEquals(List.of(), ids(QueueQuery.ALL.withView(QueueView.DECIDED_TODAY,
                new QueueView.Viewer("wq", "王强", false, LocalDate.of(2026, 10, 19)))));
        assertEquals(List.of(), ids(QueueQuery.ALL.withView(QueueView.AWAITING_MY_SIGNOFF, wang)));
    }

    @Test
    void countsEveryStatus() {
        assertEquals(1, index.statusCounts().get(CaseStatus.RECEIVED));
        assertEquals(0, index.statusCounts().get(CaseStatus.EXPORTED));
        assertEquals(3, index.size());
    }

    @Test
    void cancelledSearchStopsEarly() {
        assertEquals(List.of(), index.search(QueueQuery.ALL, () -> true));
    }
}

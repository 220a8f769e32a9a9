package org.trustbench.caseq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.ServiceType;

/** Searches narrowed by the posting lists return exactly what a full scan returns, in the same order. */
class QueueIndexGramsTest {

    private static final String CHARS = "擎恒锐卓嘉承舜砺昱澄朗峰坤铂翊（）()起重机械科技有限公司";

    @Test
    void narrowedSearchesEqualAFullScan() {
        SplittableRandom r = new SplittableRandom(3);
        List<CaseSummary> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            StringBuilder name = new StringBuilder("上海");
            for (int k = 0; k < 6; k++) {
                name.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            rows.add(new CaseSummary(i, "BA-3101" + (10 + r.nextInt(8)) + "-2026-" + (100000 + r.nextInt(900000)),
                    name.toString(), r.nextBoolean() ? null : "Shanghai Rui Heng Co., Ltd. " + i,
                    "913101" + (10 + r.nextInt(8)) + "MA" + Integer.toString(r.nextInt(1 << 30), 36).toUpperCase(),
                    List.of(ServiceType.values()[r.nextInt(ServiceType.values().length)]),
                    LocalDate.of(2026, 10, 1).plusDays(r.nextInt(50)), LocalDate.of(2026, 11, 1).plusDays(r.nextInt(50)),
                    CaseStatus.values()[r.nextInt(CaseStatus.values().length)], null, null, r.nextInt(4), null, null));
        }
        QueueIndex index = QueueIndex.of(rows);
        for (int q = 0; q < 400; q++) {
            CaseSummary sample = rows.get(r.nextInt(rows.size()));
            String source = switch (q % 4) {
                case 0 -> sample.providerNameZh();
                case 1 -> sample.uscc().toLowerCase();
                case 2 -> sample.caseNo();
                default -> sample.providerNameEn() == null ? "rui heng" : sample.providerNameEn();
            };
            int from = r.nextInt(source.length());
            String text = source.substring(from, Math.min(source.length(), from + 1 + r.nextInt(6)));
            if (q % 7 == 0) {
                text = text + " " + CHARS.charAt(r.nextInt(CHARS.length()));
            }
            SortKey key = SortKey.values()[r.nextInt(SortKey.values().length)];
            QueueQuery query = QueueQuery.ALL.withText(text).withSort(key, r.nextBoolean());
            assertEquals(fullScan(rows, index, query), index.search(query), text + " by " + key);
        }
    }

    /** The rows in the query's order that contain every term: the meaning of a search. */
    private static List<CaseSummary> fullScan(List<CaseSummary> rows, QueueIndex index, QueueQuery query) {
        List<CaseSummary> ordered = index.search(query.withText(""));
        List<String> terms = SearchText.terms(query.text());
        List<CaseSummary> out = new ArrayList<>();
        for (CaseSummary s : ordered) {
            String h = SearchText.normalise(s.caseNo() + " \u0001 " + s.uscc() + " \u0001 " + s.providerNameZh()
                    + " \u0001 " + (s.providerNameEn() == null ? "" : s.providerNameEn()));
            if (terms.stream().allMatch(h::contains)) {
                out.add(s);
            }
        }
        return out;
    }
}

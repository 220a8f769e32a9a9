package org.trustbench.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trustbench.caseq.QueueIndex;
import org.trustbench.caseq.QueueQuery;
import org.trustbench.domain.CaseSummary;

/**
 * Queue search per keystroke: an officer types a Chinese name substring, a USCC prefix and a case-number prefix,
 * one character at a time; every prefix is one search over the whole queue. Baseline: the same searches as an H2
 * {@code LIKE '%q%'} scan over the same rows.
 */
final class SearchMetric {

    private static final String LIKE = "SELECT c.id FROM filing_case c JOIN provider p ON p.id = c.provider_id "
            + "WHERE c.case_no LIKE ? OR p.uscc LIKE ? OR p.name_zh LIKE ? OR p.name_en LIKE ? ORDER BY c.deadline_on, c.case_no";

    private final BenchSubject.Store store;
    private final long seed;
    private final int rounds;

    SearchMetric(BenchSubject.Store store, long seed, boolean quick) {
        this.store = store;
        this.seed = seed;
        this.rounds = quick ? 3 : 5;
    }

    Metric run() {
        long t = System.nanoTime();
        QueueIndex index = store.queueIndex();
        double buildMs = Stats.millisSince(t);
        List<String> keystrokes = keystrokes(index);
        List<Double> ours = new ArrayList<>();
        int hits = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : keystrokes) {
                long s = System.nanoTime();
                hits += index.search(QueueQuery.ALL.withText(q)).size();
                if (round > 0) {
                    ours.add(Stats.millisSince(s));
                }
            }
        }
        List<Double> like = store.withConnection(c -> {
            List<Double> ms = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LIKE)) {
                for (String q : keystrokes) {
                    String p = "%" + q + "%";
                    for (int i = 1; i <= 4; i++) {
                        ps.setString(i, p);
                    }
                    long s = System.nanoTime();
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                    ms.add(Stats.millisSince(s));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return ms;
        });
        double p95 = Stats.percentile(ours.stream().mapToDouble(Double::doubleValue).toArray(), 95);
        double baseP95 = Stats.percentile(like.stream().mapToDouble(Double::doubleValue).toArray(), 95);
        double ratio = baseP95 / p95;
        return new Metric("queue search per keystroke, p95", "ms", p95, baseP95, ratio, "p95 <= 30 ms and >= 10x faster",
                p95 <= 30 && ratio >= 10, String.format(Locale.ROOT,
                "%d keystrokes x %d rounds over %d cases (index built in %.0f ms); ratio = baseline p95 / ours",
                keystrokes.size(), rounds - 1, index.size(), buildMs));
    }

    /** Every prefix of a Chinese name substring, a USCC prefix and a case-number prefix of random cases. */
    private List<String> keystrokes(QueueIndex index) {
        List<CaseSummary> all = index.search(QueueQuery.ALL);
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            CaseSummary c = all.get(r.nextInt(all.size()));
            String name = c.providerNameZh();
            int from = name.startsWith("上海") ? 2 : 0;
            typed(out, name.substring(from, Math.min(name.length(), from + 4)));
            typed(out, c.uscc().substring(0, 12));
            typed(out, c.caseNo().substring(0, Math.min(c.caseNo().length(), 19)));
        }
        return out;
    }

    private static void typed(List<String> out, String text) {
        for (int i = 1; i <= text.length(); i++) {
            out.add(text.substring(0, i));
        }
    }
}

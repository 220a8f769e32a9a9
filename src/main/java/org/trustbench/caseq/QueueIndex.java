package org.trustbench.caseq;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;

/**
 * An immutable in-memory index of the queue. Built once off the FX thread; each search is a
 * single pass over pre-normalised text in a pre-computed sort order, so its cost depends on the
 * number of cases and never on how many rows are on screen, and no sort runs per keystroke.
 */
public final class QueueIndex {

    private final List<CaseSummary> rows;
    private final String[] haystacks;
    private final Map<SortKey, int[]> orders;
    private final Map<CaseStatus, Integer> statusCounts;

    private QueueIndex(List<CaseSummary> rows) {
        this.rows = List.copyOf(rows);
        this.haystacks = new String[rows.size()];
        for (int i = 0; i < haystacks.length; i++) {
            CaseSummary s = rows.get(i);
            haystacks[i] = SearchText.normalise(s.caseNo() + " \u0001 " + s.uscc() + " \u0001 " + s.providerNameZh()
                    + " \u0001 " + (s.providerNameEn() == null ? "" : s.providerNameEn()));
        }
        this.orders = new EnumMap<>(SortKey.class);
        for (SortKey key : SortKey.values()) {
            orders.put(key, order(this.rows, key));
        }
        Map<CaseStatus, Integer> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, 0);
        }
        this.rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        this.statusCounts = Collections.unmodifiableMap(counts);
    }

    public static QueueIndex of(List<CaseSummary> rows) {
        return new QueueIndex(rows);
    }

    public static QueueIndex empty() {
        return new QueueIndex(List.of());
    }

    public int size() {
        return rows.size();
    }

    /** Number of cases in each status (every status present, zero where none). */
    public Map<CaseStatus, Integer> statusCounts() {
        return statusCounts;
    }

    public List<CaseSummary> search(QueueQuery query) {
        return search(query, () -> false);
    }

    /**
     * Rows matching {@code query} in its sort order.
     *
     * @param cancelled polled during the scan; a cancelled search returns what it found so far
     */
    public List<CaseSummary> search(QueueQuery query, BooleanSupplier cancelled) {
        String[] terms = SearchText.terms(query.text()).toArray(String[]::new);
        int[] order = orders.get(query.sortKey());
        List<CaseSummary> out = new ArrayList<>();
        int n = order.length;
        for (int k = 0; k < n; k++) {
            if ((k & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                break;
            }
            int i = order[query.ascending() ? k : n - 1 - k];
            CaseSummary row = rows.get(i);
            if (query.accepts(row) && matches(haystacks[i], terms)) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean matches(String haystack, String[] terms) {
        for (String term : terms) {
            if (!haystack.contains(term)) {
                return false;
            }
        }
        return true;
    }

    private static int[] order(List<CaseSummary> rows, SortKey key) {
        Comparator<Integer> byCaseNo = Comparator.comparing(i -> rows.get(i).caseNo());
        Comparator<Integer> primary = switch (key) {
            case CASE_NO -> byCaseNo;
            case PROVIDER -> providerComparator(rows);
            case USCC -> Comparator.comparing(i -> rows.get(i).uscc());
            case SERVICES -> Comparator.comparing(i -> rows.get(i).services().toString());
            case RECEIVED -> Comparator.comparing(i -> rows.get(i).receivedOn());
            case DEADLINE -> Comparator.comparing(i -> rows.get(i).deadlineOn());
            case STATUS -> Comparator.comparing(i -> rows.get(i).status());
            case ASSIGNEE -> Comparator.comparing(i -> rows.get(i).assignee(), Comparator.nullsLast(Comparator.naturalOrder()));
            case FINDINGS -> Comparator.<Integer, Integer>comparing(i -> severityRank(rows.get(i)))
                    .thenComparing(i -> -rows.get(i).findingCount());
        };
        Comparator<Integer> full = key == SortKey.CASE_NO ? primary : primary.thenComparing(byCaseNo);
        return IntStream.range(0, rows.size()).boxed().sorted(full).mapToInt(Integer::intValue).toArray();
    }

    /** Most severe first: blocker, warning, info, clean, unchecked. */
    private static int severityRank(CaseSummary s) {
        if (s.maxSeverity() != null) {
            return s.maxSeverity().ordinal();
        }
        return s.checked() ? 3 : 4;
    }

    /** Chinese names in pinyin order, the order officers expect from a Chinese list. */
    private static Comparator<Integer> providerComparator(List<CaseSummary> rows) {
        Collator collator = Collator.getInstance(Locale.CHINA);
        CollationKey[] keys = new CollationKey[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = collator.getCollationKey(rows.get(i).providerNameZh());
        }
        return (a, b) -> keys[a].compareTo(keys[b]);
    }
}

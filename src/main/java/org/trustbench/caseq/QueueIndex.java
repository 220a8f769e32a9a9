package org.trustbench.caseq;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
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
 * single pass over pre-normalised text in a sort order computed once per sort key (on its first
 * use, then kept), so its cost depends on the number of cases and never on how many rows are on
 * screen, and no sort runs per keystroke.
 */
public final class QueueIndex {

    private final List<CaseSummary> rows;
    private final String[] haystacks;
    private final Map<SortKey, int[]> orders;
    private final Map<SortKey, int[]> ranks = new EnumMap<>(SortKey.class);
    private QueueIndexGrams grams;
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
        int[] order = orderBy(query.sortKey());
        int[] candidates = terms.length == 0 ? null : grams().candidates(terms);
        List<CaseSummary> out = new ArrayList<>();
        if (candidates != null && candidates.length < order.length / 4) {
            int[] rank = rankBy(query.sortKey());
            Integer[] hits = new Integer[candidates.length];
            int n = 0;
            for (int i : candidates) {
                if (query.accepts(rows.get(i)) && matches(haystacks[i], terms)) {
                    hits[n++] = i;
                }
            }
            Arrays.sort(hits, 0, n, query.ascending() ? Comparator.comparingInt((Integer i) -> rank[i])
                    : Comparator.comparingInt((Integer i) -> -rank[i]));
            for (int k = 0; k < n; k++) {
                out.add(rows.get(hits[k]));
            }
            return out;
        }
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

    /** The posting lists, built on the first search with text (not at start-up) and kept. */
    private QueueIndexGrams grams() {
        synchronized (orders) {
            if (grams == null) {
                grams = new QueueIndexGrams(haystacks);
            }
            return grams;
        }
    }

    /** Position of each row in the order for {@code key}. */
    private int[] rankBy(SortKey key) {
        int[] order = orderBy(key);
        synchronized (orders) {
            return ranks.computeIfAbsent(key, k -> {
                int[] rank = new int[order.length];
                for (int p = 0; p < order.length; p++) {
                    rank[order[p]] = p;
                }
                return rank;
            });
        }
    }

    /**
     * The rows' order for {@code key}, computed on first use and kept: building the index (start-up) sorts nothing,
     * the first search in an order sorts once, and later searches in it sort nothing.
     */
    private int[] orderBy(SortKey key) {
        synchronized (orders) {
            return orders.computeIfAbsent(key, k -> order(rows, k));
        }
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

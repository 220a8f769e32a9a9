package org.trustbench.caseq;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Posting lists over the queue's normalised search text: for every pair of adjacent characters (and every single
 * non-ASCII character, e.g. one Chinese character) the ascending row numbers whose text contains it. A search term
 * then only has to look at the rows that contain all of its pairs instead of at every row. Candidates are still
 * confirmed with {@link String#contains}, so the result is exactly that of a full scan.
 */
final class QueueIndexGrams {

    private final Map<Integer, int[]> postings;

    QueueIndexGrams(String[] haystacks) {
        Map<Integer, Posting> build = new HashMap<>();
        for (int row = 0; row < haystacks.length; row++) {
            String h = haystacks[row];
            for (int j = 0; j < h.length(); j++) {
                char c = h.charAt(j);
                if (c >= 0x80) {
                    build.computeIfAbsent((int) c, k -> new Posting()).add(row);
                }
                if (j + 1 < h.length()) {
                    build.computeIfAbsent(bigram(c, h.charAt(j + 1)), k -> new Posting()).add(row);
                }
            }
        }
        postings = new HashMap<>(build.size() * 2);
        build.forEach((k, p) -> postings.put(k, p.toArray()));
    }

    /** Two characters as one key; never equal to a single character's key (normalised text holds no U+0000). */
    private static int bigram(char a, char b) {
        return (a << 16) | b;
    }

    /**
     * Rows that may contain every term, ascending; {@code null} when the terms do not narrow the search (e.g. one
     * ASCII character), in which case every row is a candidate.
     */
    int[] candidates(String[] terms) {
        int[] result = null;
        for (String term : terms) {
            if (term.length() == 1) {
                char c = term.charAt(0);
                if (c < 0x80) {
                    continue;
                }
                result = intersect(result, postings.getOrDefault((int) c, new int[0]));
            } else {
                for (int j = 0; j + 1 < term.length(); j++) {
                    result = intersect(result, postings.getOrDefault(bigram(term.charAt(j), term.charAt(j + 1)), new int[0]));
                    if (result.length == 0) {
                        return result;
                    }
                }
            }
            if (result != null && result.length == 0) {
                return result;
            }
        }
        return result;
    }

    private static int[] intersect(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** A growing ascending list of row numbers, each row once. */
    private static final class Posting {
        private int[] rows = new int[4];
        private int size;

        void add(int row) {
            if (size > 0 && rows[size - 1] == row) {
                return;
            }
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        int[] toArray() {
            return Arrays.copyOf(rows, size);
        }
    }
}

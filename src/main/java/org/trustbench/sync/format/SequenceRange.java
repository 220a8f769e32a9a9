package org.trustbench.sync.format;

/** The outbox sequence numbers an outbound package carries, {@code from} to {@code to} inclusive, gap-free. */
public record SequenceRange(long from, long to) {

    public SequenceRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("sequence range must have 1 <= from <= to: " + from + ".." + to);
        }
    }

    /** How many sequence numbers, and so records, the range holds. */
    public long size() {
        return to - from + 1;
    }

    public boolean contains(long seq) {
        return seq >= from && seq <= to;
    }
}

package org.trustbench.audit;

/**
 * The outcome of re-computing the audit chain.
 *
 * @param ok             true when every entry's hash and link is intact and no sequence number is missing
 * @param entriesChecked entries read, up to and including the first broken one
 * @param firstBrokenSeq null when ok; else the sequence number of the first entry that breaks the chain
 *                       (for {@link #GAP}, the first missing number)
 * @param reasonKey      null when ok; else {@link #HASH_MISMATCH}, {@link #LINK_BROKEN} or {@link #GAP}, a
 *                       bundle key whose text takes the entry ({@code {0}}) and the one before it ({@code {1}}),
 *                       both passed as strings (so no digit grouping)
 */
public record VerifyResult(boolean ok, long entriesChecked, Long firstBrokenSeq, String reasonKey) {

    /** The entry's content no longer hashes to its stored hash: it was changed. */
    public static final String HASH_MISMATCH = "audit.verify.hashMismatch";
    /** The entry's previous hash is not the stored hash of the entry before it: one of the two was replaced. */
    public static final String LINK_BROKEN = "audit.verify.linkBroken";
    /** A sequence number is missing: an entry was deleted. */
    public static final String GAP = "audit.verify.gap";

    public static VerifyResult intact(long entriesChecked) {
        return new VerifyResult(true, entriesChecked, null, null);
    }

    public static VerifyResult broken(long entriesChecked, long seq, String reasonKey) {
        return new VerifyResult(false, entriesChecked, seq, reasonKey);
    }
}

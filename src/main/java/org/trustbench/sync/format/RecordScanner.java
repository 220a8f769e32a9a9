package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one records entry line by line and checks each record: JSON, schema, attachment references and, in outbound
 * packages, sequence numbers. One line is in memory at a time.
 *
 * <p>Integrity comes first: a problem with a line is held back until the whole entry has been read, and the entry's
 * size, SM3 digest and CRC are checked before it is reported. So a flipped byte is reported as the digest mismatch
 * it is, not as the JSON error it happens to cause.
 */
final class RecordScanner {

    /** What the records entries of one package share: attachment digests and sequence numbers seen. */
    static final class Context {
        private final Manifest manifest;
        private final Set<String> inPackage = new HashSet<>();
        private final Set<String> referenced = new HashSet<>();
        private final BitSet seqSeen = new BitSet();

        Context(Manifest manifest) {
            this.manifest = manifest;
            for (ManifestEntry e : manifest.attachments()) {
                inPackage.add(e.path().substring(ManifestCodec.ATTACHMENT_PREFIX.length()));
            }
        }

        private SequenceRange sequence() {
            return manifest.header().direction() == Direction.OUTBOUND ? manifest.header().sequence() : null;
        }

        /** After all records entries: every sequence number used, every attachment referred to. */
        void finish() {
            SequenceRange range = sequence();
            if (range != null) {
                int firstMissing = seqSeen.nextClearBit(0);
                if (firstMissing < range.size()) {
                    throw PackageException.of(PackageProblem.SEQUENCE_GAP, ManifestCodec.MANIFEST, range.from() + firstMissing,
                            range.from() + "–" + range.to());
                }
            }
            for (ManifestEntry e : manifest.attachments()) {
                String sm3 = e.path().substring(ManifestCodec.ATTACHMENT_PREFIX.length());
                if (!referenced.contains(sm3)) {
                    throw PackageException.of(PackageProblem.UNREFERENCED_ATTACHMENT, e.path(), sm3, "");
                }
            }
        }
    }

    private RecordScanner() {
    }

    /**
     * Reads and checks the records entry of {@code type}, handing each record to {@code sink} (may be null) as soon as
     * it passed; throws at the first problem, integrity problems first.
     *
     * @return the number of records
     */
    static long scan(EntryStream in, RecordType type, ManifestEntry listed, Context ctx, Limits limits,
                     Consumer<PackageRecord> sink) throws IOException {
        String entry = type.entryPath();
        JsonLines lines = new JsonLines(in, entry, limits.maxLineBytes());
        SequenceRange range = ctx.sequence();
        PackageException deferred = null;
        long count = 0;
        long lastSeq = 0;
        try {
            while (lines.next()) {
                count++;
                long lineNo = lines.lineNumber();
                JsonNode record = parse(lines, entry);
                Where where = Where.root(entry, lineNo);
                RecordSchemas.check(type, where, record, (w, sm3) -> {
                    if (!ctx.inPackage.contains(sm3)) {
                        throw w.fail(PackageProblem.MISSING_ATTACHMENT, sm3, ManifestCodec.ATTACHMENT_PREFIX + sm3);
                    }
                    ctx.referenced.add(sm3);
                });
                if (range != null) {
                    lastSeq = sequence(where.field("seq"), record.get("seq").longValue(), lastSeq, range, ctx.seqSeen);
                }
                if (sink != null) {
                    sink.accept(new PackageRecord(type, lineNo, record));
                }
            }
        } catch (PackageException e) {
            if (e.line() == 0) {
                throw e; // from the entry stream: damage, truncation or a cap
            }
            deferred = e;
        }
        if (deferred != null) {
            in.drain();
        }
        integrity(in, listed);
        if (deferred != null) {
            throw deferred;
        }
        if (count != ctx.manifest.count(type)) {
            throw PackageException.of(PackageProblem.COUNT_MISMATCH, entry, ctx.manifest.count(type), count);
        }
        return count;
    }

    private static JsonNode parse(JsonLines lines, String entry) {
        byte[] b = lines.bytes();
        int len = lines.length();
        if (len == 0) {
            throw PackageException.atLine(PackageProblem.BLANK_LINE, entry, lines.lineNumber(), "", "");
        }
        for (int i = 0; i < len; i++) {
            if (b[i] == '\r') {
                throw PackageException.atLine(PackageProblem.CARRIAGE_RETURN, entry, lines.lineNumber(), i + 1, "");
            }
        }
        return StrictJson.parse(b, len, entry, lines.lineNumber());
    }

    private static long sequence(Where where, long seq, long lastSeq, SequenceRange range, BitSet seen) {
        if (!range.contains(seq)) {
            throw where.fail(PackageProblem.SEQUENCE_OUT_OF_RANGE, seq, range.from() + "–" + range.to());
        }
        int bit = (int) (seq - range.from());
        if (seq <= lastSeq || seen.get(bit)) {
            throw where.fail(PackageProblem.SEQUENCE_ORDER, seq, lastSeq);
        }
        seen.set(bit);
        return seq;
    }

    /** The entry was read to its end: its size and SM3 must be the manifest's, its CRC-32 the archive's. */
    static void integrity(EntryStream in, ManifestEntry listed) {
        if (!in.atEnd()) {
            throw new IllegalStateException("entry not read to the end: " + listed.path());
        }
        if (in.size() != listed.size()) {
            throw PackageException.of(PackageProblem.SIZE_MISMATCH, listed.path(), in.size(), listed.size());
        }
        String actual = in.sm3Hex();
        if (!actual.equals(listed.sm3())) {
            throw PackageException.of(PackageProblem.DIGEST_MISMATCH, listed.path(), actual, listed.sm3());
        }
        if (!in.crcMatches()) {
            throw PackageException.of(PackageProblem.DAMAGED, listed.path(), PackagePart.CRC, PackagePart.DOES_NOT_MATCH);
        }
    }
}

package org.trustbench.sync.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The uncompressed bytes of one entry, read from the file by position, with the caps enforced on the bytes actually
 * inflated (not on the sizes the archive declares), and SM3, CRC-32 and size computed on the way.
 * At the end of the data it checks that the deflate stream ended exactly at the end of the compressed bytes.
 */
final class EntryStream extends InputStream {

    /** Uncompressed bytes read so far across all entries of one verification, reported to a {@link Progress}. */
    static final class Total {
        private static final long STEP = 1024 * 1024;
        private final Progress progress;
        private final long expected;
        private long bytes;
        private long reported;

        Total(Progress progress, long expected) {
            this.progress = progress;
            this.expected = expected;
        }

        private void add(long n) {
            bytes += n;
            if (bytes - reported >= STEP) {
                reported = bytes;
                progress.update(bytes, expected);
            }
        }

        void done() {
            progress.update(bytes, expected);
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final FileChannel channel;
    private final ZipEntryInfo entry;
    private final Limits limits;
    private final Total total;
    private final Inflater inflater;
    private final ByteBuffer input = ByteBuffer.allocate(CHUNK);
    private final SM3Digest sm3 = new SM3Digest();
    private final CRC32 crc = new CRC32();
    private long compressedRead;
    private long count;
    private boolean eof;
    private final byte[] one = new byte[1];

    EntryStream(FileChannel channel, ZipEntryInfo entry, Limits limits, Total total) {
        this.channel = channel;
        this.entry = entry;
        this.limits = limits;
        this.total = total;
        this.inflater = entry.method() == ZipEntryInfo.DEFLATED ? new Inflater(true) : null;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
        if (n < 0) {
            eof = true;
            finish();
            return -1;
        }
        account(b, off, n);
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        long left = entry.compressedSize() - compressedRead;
        if (left == 0) {
            return -1;
        }
        ByteBuffer dst = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
        int n = channel.read(dst, entry.dataOffset() + compressedRead);
        if (n <= 0) {
            throw PackageException.of(PackageProblem.TRUNCATED, entry.name(), entry.dataOffset() + compressedRead,
                    PackagePart.ENTRY_DATA);
        }
        compressedRead += n;
        return n;
    }

    private int readDeflated(byte[] b, int off, int len) throws IOException {
        try {
            int stalls = 0;
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw damaged(PackagePart.DEFLATE_DATA, PackagePart.PRESET_DICTIONARY);
                }
                if (inflater.needsInput()) {
                    fill();
                } else if (++stalls > 16) {
                    throw damaged(PackagePart.DEFLATE_DATA, PackagePart.STALLS);
                }
            }
        } catch (DataFormatException e) {
            throw PackageException.of(PackageProblem.DAMAGED, entry.name(), PackagePart.DEFLATE_DATA, String.valueOf(e.getMessage()),
                    e);
        }
    }

    private void fill() throws IOException {
        long left = entry.compressedSize() - compressedRead;
        if (left == 0) {
            throw damaged(PackagePart.DEFLATE_DATA, PackagePart.ENDS_EARLY);
        }
        input.clear().limit((int) Math.min(CHUNK, left));
        int n = channel.read(input, entry.dataOffset() + compressedRead);
        if (n <= 0) {
            throw PackageException.of(PackageProblem.TRUNCATED, entry.name(), entry.dataOffset() + compressedRead,
                    PackagePart.ENTRY_DATA);
        }
        compressedRead += n;
        input.flip();
        inflater.setInput(input.array(), 0, n);
    }

    private void account(byte[] b, int off, int n) {
        count += n;
        total.add(n);
        if (count > limits.maxEntryBytes()) {
            throw PackageException.of(PackageProblem.ENTRY_TOO_LARGE, entry.name(), count, limits.maxEntryBytes());
        }
        if (total.bytes > limits.maxTotalBytes()) {
            throw PackageException.of(PackageProblem.TOTAL_TOO_LARGE, entry.name(), total.bytes, limits.maxTotalBytes());
        }
        if (count > limits.ratioFloorBytes() && count / Math.max(1, compressedRead) >= limits.maxCompressionRatio()) {
            throw PackageException.of(PackageProblem.COMPRESSION_RATIO, entry.name(), count / Math.max(1, compressedRead),
                    limits.maxCompressionRatio());
        }
        if (count > entry.size()) {
            throw PackageException.of(PackageProblem.INFLATES_PAST_DECLARED, entry.name(), count, entry.size());
        }
        sm3.update(b, off, n);
        crc.update(b, off, n);
    }

    /** At the end of the data: all compressed bytes used, nothing left over, as long as declared. */
    private void finish() {
        if (inflater != null && (compressedRead != entry.compressedSize() || inflater.getRemaining() != 0)) {
            throw damaged(PackagePart.DEFLATE_DATA, PackagePart.DATA_AFTER_END);
        }
        if (count != entry.size()) {
            throw damaged(PackagePart.ENTRY_DATA, PackagePart.SHORTER_THAN_DECLARED);
        }
    }

    private PackageException damaged(PackagePart part, PackagePart what) {
        return PackageException.of(PackageProblem.DAMAGED, entry.name(), part, what);
    }

    /** Reads to the end (through every cap and check). */
    void drain() throws IOException {
        byte[] buf = new byte[CHUNK];
        while (read(buf, 0, buf.length) >= 0) {
            // discard
        }
    }

    boolean atEnd() {
        return eof;
    }

    long size() {
        return count;
    }

    String sm3Hex() {
        byte[] out = new byte[sm3.getDigestSize()];
        new SM3Digest(sm3).doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    boolean crcMatches() {
        return crc.getValue() == entry.crc();
    }

    ZipEntryInfo entry() {
        return entry;
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}

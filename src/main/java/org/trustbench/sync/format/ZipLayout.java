package org.trustbench.sync.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of the ZIP structure (PKWARE APPNOTE 6.3), written here instead of using {@code java.util.zip.ZipFile}
 * because ZipFile hides what the format must refuse: it keeps only one of two entries with the same name, does not
 * expose the external attributes (symlinks), tolerates data before the first entry and after the end record, and
 * accepts overlapping entries. This reader accepts only the layout every ordinary writer produces:
 *
 * <ul>
 *   <li>the end-of-central-directory record is the last 22 bytes (no archive comment), single disk, no ZIP64;</li>
 *   <li>the central directory ends where the end record begins;</li>
 *   <li>entries are stored or deflated, not encrypted, and each local header agrees with its central directory
 *       record (name bytes, method, flags, sizes and CRC unless a data descriptor carries them);</li>
 *   <li>the entries tile the file from offset 0 to the central directory in central-directory order, with no gap
 *       and no overlap (which also rules out the overlapping-entry zip bomb).</li>
 * </ul>
 */
final class ZipLayout {

    static final int LOC_SIG = 0x04034b50;
    static final int CEN_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int DD_SIG = 0x08074b50;
    static final int END_LEN = 22;
    static final int CEN_LEN = 46;
    static final int LOC_LEN = 30;
    private static final long MAX_CENTRAL_DIRECTORY = 16L * 1024 * 1024;
    private static final long U32 = 0xFFFFFFFFL;

    private final FileChannel channel;
    private final String file;
    private final long cdOffset;
    private final List<ZipEntryInfo> entries;

    private ZipLayout(FileChannel channel, String file, long cdOffset, List<ZipEntryInfo> entries) {
        this.channel = channel;
        this.file = file;
        this.cdOffset = cdOffset;
        this.entries = entries;
    }

    List<ZipEntryInfo> entries() {
        return entries;
    }

    /** Reads the end record and the central directory; local headers are checked by {@link #checkLocalHeaders()}. */
    static ZipLayout read(FileChannel channel, String file, Limits limits) throws IOException {
        long size = channel.size();
        if (size < 4) {
            throw PackageException.of(PackageProblem.NOT_ZIP, file, size, "");
        }
        int head = read(channel, 0, 4, file).getInt();
        if (head != LOC_SIG && head != END_SIG) {
            throw PackageException.of(PackageProblem.NOT_ZIP, file, size, "");
        }
        if (size < END_LEN) {
            throw PackageException.of(PackageProblem.TRUNCATED, file, size, PackagePart.END_RECORD);
        }
        ByteBuffer end = read(channel, size - END_LEN, END_LEN, file);
        if (end.getInt(0) != END_SIG || u16(end, 20) != 0) {
            throw PackageException.of(PackageProblem.TRUNCATED, file, size, PackagePart.END_RECORD);
        }
        int disk = u16(end, 4);
        int cdDisk = u16(end, 6);
        int onDisk = u16(end, 8);
        int total = u16(end, 10);
        long cdSize = u32(end, 12);
        long cdOffset = u32(end, 16);
        if (total == 0xFFFF || cdSize == U32 || cdOffset == U32) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, file, PackagePart.ZIP64, "");
        }
        if (disk != 0 || cdDisk != 0 || onDisk != total) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, file, PackagePart.MULTI_DISK, "");
        }
        if (cdOffset + cdSize != size - END_LEN) {
            throw PackageException.of(PackageProblem.TRUNCATED, file, size, PackagePart.CENTRAL_DIRECTORY);
        }
        if (total > limits.maxEntries()) {
            throw PackageException.of(PackageProblem.TOO_MANY_ENTRIES, file, total, limits.maxEntries());
        }
        if (cdSize > MAX_CENTRAL_DIRECTORY) {
            throw PackageException.of(PackageProblem.TOO_MANY_ENTRIES, file, cdSize, MAX_CENTRAL_DIRECTORY);
        }
        ByteBuffer cd = read(channel, cdOffset, (int) cdSize, file);
        List<ZipEntryInfo> entries = new ArrayList<>(total);
        int pos = 0;
        for (int i = 0; i < total; i++) {
            if (pos + CEN_LEN > cdSize || cd.getInt(pos) != CEN_SIG) {
                throw PackageException.of(PackageProblem.DAMAGED, file, PackagePart.CENTRAL_DIRECTORY_ENTRY, i + 1);
            }
            int nameLen = u16(cd, pos + 28);
            int extraLen = u16(cd, pos + 30);
            int commentLen = u16(cd, pos + 32);
            if (pos + CEN_LEN + nameLen + extraLen + commentLen > cdSize) {
                throw PackageException.of(PackageProblem.DAMAGED, file, PackagePart.CENTRAL_DIRECTORY_ENTRY, i + 1);
            }
            byte[] raw = new byte[nameLen];
            cd.get(pos + CEN_LEN, raw);
            String name = decode(raw);
            ZipEntryInfo e = new ZipEntryInfo(i, name == null ? lenient(raw) : name, name != null, raw, u16(cd, pos + 4),
                    u16(cd, pos + 8), u16(cd, pos + 10), u32(cd, pos + 16), u32(cd, pos + 20), u32(cd, pos + 24),
                    u32(cd, pos + 42), cd.getInt(pos + 38), -1);
            checkCentral(e, u16(cd, pos + 34));
            entries.add(e);
            pos += CEN_LEN + nameLen + extraLen + commentLen;
        }
        if (pos != cdSize) {
            throw PackageException.of(PackageProblem.DAMAGED, file, PackagePart.CENTRAL_DIRECTORY, PackagePart.SIZE_MISMATCH);
        }
        return new ZipLayout(channel, file, cdOffset, entries);
    }

    private static void checkCentral(ZipEntryInfo e, int diskStart) {
        if ((e.flags() & 0x0041) != 0) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, e.name(), "encryption", "");
        }
        if (e.method() != ZipEntryInfo.STORED && e.method() != ZipEntryInfo.DEFLATED) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, e.name(), PackagePart.COMPRESSION_METHOD, " " + e.method());
        }
        if (e.compressedSize() == U32 || e.size() == U32 || e.headerOffset() == U32) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, e.name(), PackagePart.ZIP64, "");
        }
        if (diskStart != 0) {
            throw PackageException.of(PackageProblem.UNSUPPORTED_ZIP, e.name(), PackagePart.MULTI_DISK, "");
        }
        if (e.method() == ZipEntryInfo.STORED && e.compressedSize() != e.size()) {
            throw PackageException.of(PackageProblem.DAMAGED, e.name(), PackagePart.STORED_SIZE, PackagePart.DOES_NOT_MATCH);
        }
    }

    /**
     * Checks each local header and data descriptor against the central directory, and that the entries tile the file
     * from 0 to the central directory. Returns the entries with their data offsets.
     */
    List<ZipEntryInfo> checkLocalHeaders() throws IOException {
        List<ZipEntryInfo> out = new ArrayList<>(entries.size());
        long expected = 0;
        for (ZipEntryInfo e : entries) {
            if (e.headerOffset() != expected) {
                throw PackageException.of(PackageProblem.DAMAGED, e.name(), PackagePart.LAYOUT, e.headerOffset());
            }
            if (e.headerOffset() + LOC_LEN > cdOffset) {
                throw PackageException.of(PackageProblem.DAMAGED, e.name(), PackagePart.LOCAL_HEADER, PackagePart.ENDS_EARLY);
            }
            ByteBuffer loc = read(channel, e.headerOffset(), LOC_LEN, e.name());
            int nameLen = u16(loc, 26);
            int extraLen = u16(loc, 28);
            boolean descriptor = (e.flags() & 0x08) != 0;
            if (loc.getInt(0) != LOC_SIG || u16(loc, 6) != e.flags() || u16(loc, 8) != e.method()
                    || nameLen != e.rawName().length
                    || !sameOrZero(u32(loc, 14), e.crc(), descriptor) || !sameOrZero(u32(loc, 18), e.compressedSize(), descriptor)
                    || !sameOrZero(u32(loc, 22), e.size(), descriptor)) {
                throw PackageException.of(PackageProblem.DAMAGED, e.name(), PackagePart.LOCAL_HEADER, PackagePart.ENDS_EARLY);
            }
            long dataOffset = e.headerOffset() + LOC_LEN + nameLen + extraLen;
            long dataEnd = dataOffset + e.compressedSize();
            if (dataEnd > cdOffset || !Arrays.equals(read(channel, e.headerOffset() + LOC_LEN, nameLen, e.name()).array(),
                    e.rawName())) {
                throw PackageException.of(PackageProblem.DAMAGED, e.name(), PackagePart.LOCAL_HEADER, PackagePart.ENDS_EARLY);
            }
            expected = dataEnd + (descriptor ? descriptorLength(e, dataEnd) : 0);
            out.add(e.withDataOffset(dataOffset));
        }
        if (expected != cdOffset) {
            throw PackageException.of(PackageProblem.DAMAGED, file, "layout", expected);
        }
        return out;
    }

    /** The data descriptor after an entry's data: 16 bytes with its signature, or 12 without; it must agree. */
    private int descriptorLength(ZipEntryInfo e, long at) throws IOException {
        long room = cdOffset - at;
        if (room >= 16) {
            ByteBuffer d = read(channel, at, 16, e.name());
            if (d.getInt(0) == DD_SIG && u32(d, 4) == e.crc() && u32(d, 8) == e.compressedSize() && u32(d, 12) == e.size()) {
                return 16;
            }
        }
        if (room >= 12) {
            ByteBuffer d = read(channel, at, 12, e.name());
            if (u32(d, 0) == e.crc() && u32(d, 4) == e.compressedSize() && u32(d, 8) == e.size()) {
                return 12;
            }
        }
        throw PackageException.of(PackageProblem.DAMAGED, e.name(), "data descriptor", "");
    }

    private static boolean sameOrZero(long local, long central, boolean descriptor) {
        return local == central || descriptor && local == 0;
    }

    /** Reads exactly {@code len} bytes at {@code pos}, little-endian; a short read means the file is truncated. */
    static ByteBuffer read(FileChannel ch, long pos, int len, String where) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw PackageException.of(PackageProblem.TRUNCATED, where, pos + len, PackagePart.ENTRY_DATA, new EOFException());
            }
        }
        return b.flip();
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & U32;
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }
}

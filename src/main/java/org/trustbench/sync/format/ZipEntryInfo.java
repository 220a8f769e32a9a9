package org.trustbench.sync.format;

/**
 * One entry as the central directory describes it (after {@link ZipLayout} checked it against its local header).
 *
 * @param name               the name, decoded as strict UTF-8 (or shown with escapes when it is not UTF-8)
 * @param validName          false when the name bytes are not valid UTF-8
 * @param externalAttributes the 32-bit external attributes; Unix mode in the upper 16 bits
 * @param dataOffset         where the compressed data starts (set once the local header is read; -1 before)
 */
record ZipEntryInfo(int index, String name, boolean validName, byte[] rawName, int madeBy, int flags, int method,
                    long crc, long compressedSize, long size, long headerOffset, int externalAttributes,
                    long dataOffset) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    ZipEntryInfo withDataOffset(long offset) {
        return new ZipEntryInfo(index, name, validName, rawName, madeBy, flags, method, crc, compressedSize, size,
                headerOffset, externalAttributes, offset);
    }

    /** The Unix file type bits (S_IFMT) of the external attributes, or 0 when none are set. */
    int unixType() {
        return (externalAttributes >>> 16) & 0xF000;
    }
}

package org.trustbench.sync.format;

/**
 * Caps the verifier enforces while it reads, counting the bytes it actually inflates (declared sizes are checked
 * too, but never trusted).
 *
 * @param maxEntryBytes       largest uncompressed entry
 * @param maxTotalBytes       largest sum of uncompressed entries
 * @param maxCompressionRatio largest ratio of inflated to compressed bytes of one entry …
 * @param ratioFloorBytes     … once the entry has inflated past this many bytes (small JSON compresses well)
 * @param maxEntries          most entries in the archive (format version 1 has no ZIP64, so at most 65,534)
 * @param maxLineBytes        longest line of a records entry
 * @param maxManifestBytes    largest manifest.json
 */
public record Limits(long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio, long ratioFloorBytes, int maxEntries,
                     int maxLineBytes, int maxManifestBytes) {

    private static final long MIB = 1024L * 1024;

    /**
     * 1 GiB per entry (a records entry of about 140,000 new cases; a regulator feed of 100,000 cases is one package),
     * 2 GiB in all, ratio 200 past 1 MiB, 65,534 entries, 1 MiB lines, 16 MiB manifest.
     */
    public static final Limits DEFAULT = new Limits(1024 * MIB, 2048 * MIB, 200, MIB, 65_534, (int) MIB, (int) (16 * MIB));

    public Limits {
        if (maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxCompressionRatio <= 0 || ratioFloorBytes < 0 || maxEntries <= 0
                || maxEntries > 65_534 || maxLineBytes <= 0 || maxManifestBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive, maxEntries at most 65534");
        }
    }

    public Limits withMaxEntryBytes(long value) {
        return new Limits(value, maxTotalBytes, maxCompressionRatio, ratioFloorBytes, maxEntries, maxLineBytes,
                maxManifestBytes);
    }

    public Limits withMaxTotalBytes(long value) {
        return new Limits(maxEntryBytes, value, maxCompressionRatio, ratioFloorBytes, maxEntries, maxLineBytes,
                maxManifestBytes);
    }

    public Limits withMaxCompressionRatio(int ratio, long floorBytes) {
        return new Limits(maxEntryBytes, maxTotalBytes, ratio, floorBytes, maxEntries, maxLineBytes, maxManifestBytes);
    }

    public Limits withMaxEntries(int value) {
        return new Limits(maxEntryBytes, maxTotalBytes, maxCompressionRatio, ratioFloorBytes, value, maxLineBytes,
                maxManifestBytes);
    }

    public Limits withMaxLineBytes(int value) {
        return new Limits(maxEntryBytes, maxTotalBytes, maxCompressionRatio, ratioFloorBytes, maxEntries, value,
                maxManifestBytes);
    }
}

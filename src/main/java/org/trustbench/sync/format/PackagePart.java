package org.trustbench.sync.format;

/**
 * What a {@code DAMAGED}, {@code TRUNCATED} or {@code UNSUPPORTED_ZIP} refusal names as the damaged or missing part,
 * and what is wrong with it: words of ours, shown in the user's language (bundle keys {@code sync.package.part.*}),
 * never text from the package.
 */
enum PackagePart {
    INTERNAL("internal"),
    DEFLATE_DATA("deflateData"),
    PRESET_DICTIONARY("presetDictionary"),
    STALLS("stalls"),
    ENDS_EARLY("endsEarly"),
    DATA_AFTER_END("dataAfterEnd"),
    SIZE_MISMATCH("sizeMismatch"),
    SHORTER_THAN_DECLARED("shorterThanDeclared"),
    CRC("crc"),
    DOES_NOT_MATCH("doesNotMatch"),
    CENTRAL_DIRECTORY("centralDirectory"),
    CENTRAL_DIRECTORY_ENTRY("centralDirectoryEntry"),
    END_RECORD("endRecord"),
    ENTRY_DATA("entryData"),
    STORED_SIZE("storedSize"),
    LAYOUT("layout"),
    LOCAL_HEADER("localHeader"),
    COMPRESSION_METHOD("compressionMethod"),
    ZIP64("zip64"),
    MULTI_DISK("multiDisk");

    private final String key;

    PackagePart(String key) {
        this.key = key;
    }

    /** The message argument: a bundle key reference, which the message formatter resolves in the user's language. */
    String argument() {
        return "#sync.package.part." + key;
    }
}

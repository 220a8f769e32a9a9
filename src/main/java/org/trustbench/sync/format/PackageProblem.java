package org.trustbench.sync.format;

/**
 * Why a sync package was refused. Each problem has the bundle key {@code sync.package.<NAME>}, formatted with the
 * arguments {0} entry, {1} line, {2} field, {3} value, {4} detail (see {@link PackageException}).
 */
public enum PackageProblem {
    // The archive itself
    NOT_ZIP, TRUNCATED, DAMAGED, UNSUPPORTED_ZIP, TOO_MANY_ENTRIES, READ_ERROR,
    // Entry names and kinds
    UNSAFE_PATH, SYMLINK, NOT_A_FILE, DUPLICATE_ENTRY,
    // Size caps and zip bombs
    ENTRY_TOO_LARGE, TOTAL_TOO_LARGE, COMPRESSION_RATIO, INFLATES_PAST_DECLARED,
    // Manifest and signature
    MISSING_MANIFEST, MISSING_SIGNATURE, UNKNOWN_VERSION, UNKNOWN_SIGNER, BAD_SIGNATURE, DUPLICATE_LISTING,
    // Entries against the manifest
    MISSING_ENTRY, EXTRA_ENTRY, ENTRY_ORDER, LISTING_ORDER, SIZE_MISMATCH, DIGEST_MISMATCH, COUNT_MISMATCH,
    // JSON Lines
    BAD_UTF8, BAD_JSON, NOT_OBJECT, LINE_TOO_LONG, BLANK_LINE, NO_FINAL_NEWLINE, CARRIAGE_RETURN,
    // Schema
    FIELD_MISSING, FIELD_UNKNOWN, FIELD_TYPE, FIELD_BLANK, FIELD_TOO_LONG, FIELD_DATE, FIELD_INSTANT, FIELD_USCC,
    FIELD_ENUM, FIELD_FORMAT, FIELD_RANGE, FIELD_EMPTY, KEY_MISMATCH, NOTHING_TO_UPDATE,
    // Sequence numbers of outbound packages
    SEQUENCE_SIZE, SEQUENCE_OUT_OF_RANGE, SEQUENCE_ORDER, SEQUENCE_GAP,
    // Attachments
    MISSING_ATTACHMENT, UNREFERENCED_ATTACHMENT,
    // Checks the importing store makes with VerifiedPackage
    WRONG_DIRECTION, DEMO_INTO_REAL, REAL_INTO_DEMO;

    /** The bundle key of the message. */
    public String key() {
        return "sync.package." + name();
    }
}

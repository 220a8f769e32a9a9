package org.trustbench.sync.format;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The record types of format version 1; each travels in {@code records/<name>.jsonl} of one direction. */
public enum RecordType {
    /** A filing decision, including one that supersedes an earlier decision. */
    DECISION("decision", Direction.OUTBOUND),
    /** A supervisor's sign-off of an override, or sending it back. */
    SIGNOFF("signoff", Direction.OUTBOUND),
    /** A premises inspection with its photos. */
    INSPECTION("inspection", Direction.OUTBOUND),
    /** A new filing case with its provider, equipment, evidence and attachments. */
    CASE("case", Direction.INBOUND),
    /** A registry change to an existing provider, with newly signed registry records. */
    REGISTRY_UPDATE("registry_update", Direction.INBOUND),
    /** A trusted registry issuer key added or revoked. */
    ISSUER_KEY("issuer_key", Direction.INBOUND);

    private static final String PREFIX = "records/";
    private static final String SUFFIX = ".jsonl";

    private final String typeName;
    private final Direction direction;

    RecordType(String typeName, Direction direction) {
        this.typeName = typeName;
        this.direction = direction;
    }

    /** The name in the format: {@code decision}, {@code registry_update} … */
    public String typeName() {
        return typeName;
    }

    public Direction direction() {
        return direction;
    }

    /** {@code records/<typeName>.jsonl}. */
    public String entryPath() {
        return PREFIX + typeName + SUFFIX;
    }

    public static Optional<RecordType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(name)).findFirst();
    }

    /** The record type whose entry this is, if the path is {@code records/<known type>.jsonl}. */
    public static Optional<RecordType> byEntryPath(String path) {
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return byName(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
    }

    /** The types of one direction, in entry order (by type name). */
    public static List<RecordType> of(Direction direction) {
        return Arrays.stream(values()).filter(t -> t.direction == direction)
                .sorted(Comparator.comparing(RecordType::typeName)).toList();
    }
}

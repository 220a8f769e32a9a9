package org.trustbench.sync.format;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the exporter says about a package; the writer adds the signer, the counts and the entries.
 *
 * @param workstationId the sending store's ID: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit
 * @param sequence      outbox sequence numbers the package carries; required for outbound packages, may be
 *                      {@code null} for inbound ones
 * @param demo          true when the package comes from a demo or training store
 */
public record ManifestHeader(UUID packageId, Direction direction, String workstationId, SequenceRange sequence,
                             OffsetDateTime createdAt, boolean demo) {

    static final Pattern WORKSTATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ManifestHeader {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(workstationId, "workstationId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!WORKSTATION_ID.matcher(workstationId).matches()) {
            throw new IllegalArgumentException("workstationId must match " + WORKSTATION_ID + ": " + workstationId);
        }
        if (direction == Direction.OUTBOUND && sequence == null) {
            throw new IllegalArgumentException("an outbound package needs a sequence range");
        }
    }
}

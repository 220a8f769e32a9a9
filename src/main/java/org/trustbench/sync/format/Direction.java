package org.trustbench.sync.format;

import java.util.Arrays;
import java.util.Optional;

/** Which way a package travels: {@code outbound} from a workstation, {@code inbound} from the central system. */
public enum Direction {
    OUTBOUND("outbound"),
    INBOUND("inbound");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    /** The manifest value: {@code outbound} or {@code inbound}. */
    public String json() {
        return json;
    }

    public static Optional<Direction> fromJson(String value) {
        return Arrays.stream(values()).filter(d -> d.json.equals(value)).findFirst();
    }
}

package org.trustbench.domain;

import java.util.Arrays;
import java.util.Optional;

/** Registry status of an entity (登记状态) as the registry prints it. */
public enum RegistryStatus {
    ACTIVE("存续", "在业"),
    REVOKED("吊销"),
    CANCELLED("注销"),
    MOVED_OUT("迁出"),
    SUSPENDED("停业");

    private final String[] labels;

    RegistryStatus(String... labels) {
        this.labels = labels;
    }

    /** The registry's Chinese label, e.g. 存续. */
    public String label() {
        return labels[0];
    }

    public boolean isActive() {
        return this == ACTIVE;
    }

    /** Parses a registry label (存续, 在业, 吊销 …) or an enum name. */
    public static Optional<RegistryStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(s -> s.name().equals(t) || Arrays.asList(s.labels).contains(t))
                .findFirst();
    }
}

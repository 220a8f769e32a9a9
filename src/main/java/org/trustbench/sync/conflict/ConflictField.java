package org.trustbench.sync.conflict;

import java.util.Objects;

/**
 * One value of a conflict, local and incoming side by side ({@code null} when a side has no value).
 *
 * @param name the format member name (e.g. nameZh, registryStatus, outcome, reasons); the UI label key is
 *             {@code "conflict.field.<name>"}
 */
public record ConflictField(String name, String local, String incoming) {

    public ConflictField {
        Objects.requireNonNull(name, "name");
    }

    public boolean differs() {
        return !Objects.equals(local, incoming);
    }
}

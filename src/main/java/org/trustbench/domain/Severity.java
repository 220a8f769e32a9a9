package org.trustbench.domain;

/** How much a finding weighs. Declared from most to least severe. */
public enum Severity {
    /** Must be resolved or overridden before an approval. */
    BLOCKER,
    /** Needs the officer's attention. */
    WARNING,
    /** For information. */
    INFO;

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}

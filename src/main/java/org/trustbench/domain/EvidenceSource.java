package org.trustbench.domain;

/** Where an evidence item comes from. */
public enum EvidenceSource {
    /** The regulator's registry. */
    REGULATOR,
    /** The platform's listing. */
    PLATFORM,
    /** The merchant's own declaration. */
    MERCHANT,
    /** A field inspection. */
    INSPECTION
}

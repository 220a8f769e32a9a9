package org.trustbench.domain;

/** What an evidence item proves. */
public enum EvidenceKind {
    LICENCE,
    CREDENTIAL,
    PREMISES,
    IDENTITY,
    AUTHORISATION
}

package org.trustbench.sync.keys;

/** What a trusted signer's key is accepted for. Stored by name in {@code trusted_signer.signer_role}. */
public enum SignerRole {
    /** The central system: signs inbound packages (new cases, registry updates, issuer keys). */
    CENTRAL,
    /** A field or desk workstation: signs outbound packages that a central or supervisor desk imports. */
    WORKSTATION
}

package org.trustbench.decision;

/** Supplements an officer can request when returning a filing. Text: bundle key {@code supplement.<NAME>}. */
public enum Supplement {
    RENEWED_CREDENTIAL,
    CREDENTIAL_COVERING_SERVICE,
    AUTHORISATION_LETTER,
    PREMISES_PROOF,
    IDENTITY_CHECK,
    SUBCONTRACT_AGREEMENT,
    REGISTRY_CONFIRMATION,
    EQUIPMENT_LIST
}

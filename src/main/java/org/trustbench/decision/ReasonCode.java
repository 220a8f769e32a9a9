package org.trustbench.decision;

import java.util.Arrays;
import java.util.List;

/** The controlled, translated list of reasons; each belongs to one outcome. Text: bundle key {@code reason.<NAME>}. */
public enum ReasonCode {
    ALL_CHECKS_PASSED(Outcome.APPROVE),
    FINDINGS_RESOLVED_WITH_REGISTRY(Outcome.APPROVE),
    FINDINGS_ACCEPTED_AS_MINOR(Outcome.APPROVE),
    LICENCE_NOT_ACTIVE(Outcome.REJECT),
    CREDENTIALS_INVALID(Outcome.REJECT),
    PREMISES_NOT_GENUINE(Outcome.REJECT),
    IDENTITY_NOT_VERIFIED(Outcome.REJECT),
    PERFORMER_NOT_FILER(Outcome.REJECT),
    AUTHORISATION_INVALID(Outcome.REJECT),
    FALSE_DECLARATION(Outcome.REJECT),
    DOCUMENTS_MISSING(Outcome.RETURN),
    INFORMATION_INCONSISTENT(Outcome.RETURN),
    RENEWAL_REQUIRED(Outcome.RETURN),
    INSPECTION_REQUIRED(Outcome.RETURN),
    CONSTRUCTION_AUTHORITY(Outcome.REFER),
    OTHER_AUTHORITY(Outcome.REFER);

    private final Outcome outcome;

    ReasonCode(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    public static List<ReasonCode> forOutcome(Outcome outcome) {
        return Arrays.stream(values()).filter(r -> r.outcome == outcome).toList();
    }
}

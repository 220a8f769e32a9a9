package org.trustbench.audit;

/** Every state-changing action TrustBench records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    USER_ADDED,
    USER_CHANGED,
    USER_LOCKED,
    USER_UNLOCKED,
    CASE_OPENED_FOR_REVIEW,
    DECISION,
    OVERRIDE,
    SIGN_OFF,
    SEND_BACK,
    SUPERSEDE,
    IMPORT,
    EXPORT,
    RECHECK,
    DEMO_RESET,
    CONFLICT_RESOLVED,
    SIGNER_TRUSTED
}

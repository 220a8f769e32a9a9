package org.trustbench.sync.conflict;

/** Where a conflict stands: waiting for an officer, or resolved one way or the other. */
public enum ConflictStatus { OPEN, KEPT_LOCAL, APPLIED_INCOMING }

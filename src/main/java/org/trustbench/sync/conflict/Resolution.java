package org.trustbench.sync.conflict;

/** An officer's choice for an open conflict. */
public enum Resolution { KEEP_LOCAL, APPLY_INCOMING }

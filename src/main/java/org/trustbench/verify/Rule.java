package org.trustbench.verify;

import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

import java.util.List;

/** A verification rule: pure, deterministic, fast (all rules of a case well under 5 ms). */
public interface Rule {

    /** Stable ids this rule can report, e.g. {@code LIC-STATUS}. */
    List<String> ids();

    /** Adds this rule's findings for {@code input} to {@code out}. */
    void check(CheckInput input, List<Finding> out);
}

package org.trustbench.decision;

import org.trustbench.domain.Finding;

/** A stable key of one finding of a case, for acknowledgements: rule id, message key and arguments. */
public final class FindingKey {

    private FindingKey() {
    }

    public static String of(Finding f) {
        return f.ruleId() + "|" + f.messageKey() + "|" + String.join("|", f.args());
    }
}

package org.trustbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * One result of a verification rule: a stable rule id, a severity, an explanation as a bundle
 * key with arguments (rendered in zh_CN or en by the UI), and the evidence involved.
 */
public record Finding(String ruleId, Severity severity, String messageKey, List<String> args, List<EvidenceRef> refs) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
        refs = List.copyOf(refs);
    }

    public static Finding of(String ruleId, Severity severity, String variant, List<EvidenceRef> refs, Object... args) {
        List<String> text = java.util.Arrays.stream(args).map(String::valueOf).toList();
        return new Finding(ruleId, severity, "finding." + ruleId + "." + variant, text, refs);
    }
}

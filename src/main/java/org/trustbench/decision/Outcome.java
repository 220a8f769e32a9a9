package org.trustbench.decision;

/** What the officer decides on a filing. */
public enum Outcome {
    /** 准予备案. */
    APPROVE,
    /** 不予备案. */
    REJECT,
    /** 退回补正: return to the provider for supplements. */
    RETURN,
    /** 移送: refer to another authority (e.g. construction-site cranes). */
    REFER
}

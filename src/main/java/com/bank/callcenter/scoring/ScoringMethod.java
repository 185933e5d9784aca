package com.bank.callcenter.scoring;

/** How an indicator's measured value becomes points. */
public enum ScoringMethod {
    /** base × measured / target, within [0, 1.5 × base]. */
    TARGET_RATIO,
    /** 标准差计分法: base × (1 + k × (measured − μ) / σ) over the peer group, within [0, 1.5 × base]; σ = 0 → base. */
    STANDARD_DEVIATION,
    /** Points a supervisor entered (the qualitative indicators). */
    ENTERED
}

package com.bank.callcenter.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calls and SMS are counted for the RMs' score (callcenter.scoring.*). */
@ConfigMapping(prefix = "callcenter.scoring")
public interface ScoringConfig {

    /** An answered call the RM placed counts from this talk time on (at most one per customer per day). */
    @WithDefault("15")
    int effectiveCallSeconds();

    /** Effective calls expected of an RM per working day: the standard S = this × working days. */
    @WithDefault("60")
    int effectiveCallsPerWorkingDay();

    /** SMS expected of an RM per working day (the default target of the SMS indicator). */
    @WithDefault("20")
    int smsPerWorkingDay();

    /** The most a shortfall of effective calls costs (points). */
    @WithDefault("100")
    int maxDeduction();

    /** STANDARD_DEVIATION: points = base × (1 + k × (measured − mean) / σ). */
    @WithDefault("0.25")
    java.math.BigDecimal k();

    /** STANDARD_DEVIATION's peers: every RM scored (ALL) or those of the RM's branch (BRANCH). */
    @WithDefault("ALL")
    PeerGroup peerGroup();

    /** Product codes or product types whose sales count as key products. */
    @WithDefault("WEALTH,FUND,INSURANCE")
    java.util.List<String> keyProducts();

    /** Default targets of a period (per RM) where a supervisor set none. */
    Targets targets();

    /** Per indicator, in kebab case (key-products …): its scoring method. */
    java.util.Map<String, IndicatorSettings> indicators();

    enum PeerGroup { ALL, BRANCH }

    interface Targets {
        /** Customers developed (acquired or moved up a tier) in a month. */
        @WithDefault("20")
        java.math.BigDecimal customerDevelopment();

        /** Financial-asset increment of the book in a month, CNY. */
        @WithDefault("500000")
        java.math.BigDecimal assetIncrement();

        /** Key products sold in a month. */
        @WithDefault("10")
        java.math.BigDecimal keyProducts();

        /** Book customers newly holding a basic product in a month. */
        @WithDefault("30")
        java.math.BigDecimal penetration();
    }

    interface IndicatorSettings {
        @WithDefault("TARGET_RATIO")
        ScoringMethod method();
    }
}

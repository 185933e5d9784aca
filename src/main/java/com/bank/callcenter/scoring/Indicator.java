package com.bank.callcenter.scoring;

import java.math.BigDecimal;
import java.util.Locale;

/** The eight indicators of the 850/150 score; base points = weight × 1,000. */
public enum Indicator {
    CUSTOMER_DEVELOPMENT(150, false),
    ASSET_INCREMENT(100, false),
    KEY_PRODUCTS(250, false),
    PENETRATION(250, false),
    CALLS(80, false),
    SMS(20, false),
    TRAINING(100, true),
    DAILY_MANAGEMENT(50, true);

    /** An indicator scores at most this times its base points. */
    public static final BigDecimal CAP = new BigDecimal("1.5");

    private final BigDecimal base;
    private final boolean qualitative;

    Indicator(int base, boolean qualitative) {
        this.base = BigDecimal.valueOf(base);
        this.qualitative = qualitative;
    }

    public BigDecimal base() {
        return base;
    }

    public BigDecimal cap() {
        return base.multiply(CAP);
    }

    public boolean qualitative() {
        return qualitative;
    }

    /** key-products for KEY_PRODUCTS: the form of callcenter.scoring.indicators.<code>. */
    public String kebab() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

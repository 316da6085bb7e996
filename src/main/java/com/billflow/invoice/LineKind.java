package com.billflow.invoice;

/**
 * Kinds of invoice line. Samples/tests and costs are quantity times unit price; surcharges, rebates
 * and discounts are a percent of the sample/test and cost lines, added (surcharge) or taken off;
 * taxes are a percent of the net after them (SPEC §6).
 */
public enum LineKind {
    SAMPLE_TEST(false, 1),
    COST(false, 1),
    SURCHARGE(true, 1),
    REBATE(true, -1),
    DISCOUNT(true, -1),
    TAX(true, 1);

    private final boolean percentBased;
    private final int sign;

    LineKind(boolean percentBased, int sign) {
        this.percentBased = percentBased;
        this.sign = sign;
    }

    public boolean isPercentBased() {
        return percentBased;
    }

    int sign() {
        return sign;
    }
}

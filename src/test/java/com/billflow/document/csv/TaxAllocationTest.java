package com.billflow.document.csv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaxAllocationTest {

    @Test
    void sharesAddUpToTheTaxToTheCentAndLeftoverCentsGoToTheLargestRemainders() {
        // 10.00 over three equal rows: 3.33 each, the cent left over to the first (ties go to the earlier row)
        assertThat(TaxAllocation.allocate(new BigDecimal("10.00"), amounts("1.00", "1.00", "1.00"), 2))
                .containsExactly(new BigDecimal("3.34"), new BigDecimal("3.33"), new BigDecimal("3.33"));
        // exact shares 1.176, 2.352, 0.672: floors 1.17, 2.35, 0.67, the cent left over to the first (remainder .006 against .002)
        assertThat(TaxAllocation.allocate(new BigDecimal("4.20"), amounts("2.94", "5.88", "1.68"), 2))
                .containsExactly(new BigDecimal("1.18"), new BigDecimal("2.35"), new BigDecimal("0.67"));
    }

    @Test
    void aDiscountRowGetsANegativeShare() {
        // 16 x 348.35 less 4 %: 5573.60 and -222.94; 22 % on the net 5350.66 is 1177.15
        List<BigDecimal> shares = TaxAllocation.allocate(new BigDecimal("1177.15"), amounts("5573.60", "-222.94"), 2);

        assertThat(shares.get(0).add(shares.get(1))).isEqualByComparingTo("1177.15");
        assertThat(shares.get(0)).isEqualByComparingTo("1226.20");
        assertThat(shares.get(1)).isEqualByComparingTo("-49.05");
    }

    @Test
    void currenciesWithoutCentsAndWeightsAddingUpToZero() {
        assertThat(TaxAllocation.allocate(new BigDecimal("100"), amounts("1", "1", "1"), 0))
                .containsExactly(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33"));
        assertThat(TaxAllocation.allocate(new BigDecimal("0.00"), amounts("5.00", "-5.00"), 2))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(TaxAllocation.allocate(new BigDecimal("1.00"), List.of(), 2)).isEmpty();
    }

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}

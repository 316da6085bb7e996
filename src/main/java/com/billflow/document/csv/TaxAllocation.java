package com.billflow.document.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a document's tax over its taxed rows in proportion to their net amounts, so that the
 * rows' shares add up to the tax exactly, to the cent: each share is first rounded down to the
 * currency's digits, then the cents left over go one each to the rows with the largest remainders
 * (largest-remainder method; ties go to the earlier row). Signs follow the rows: a discount row
 * gets a negative share, as its tax is taken off.
 */
public final class TaxAllocation {

    private TaxAllocation() {
    }

    /**
     * @param tax     the tax to split, already rounded to {@code digits}
     * @param weights the rows' net amounts, in row order
     * @param digits  the currency's fraction digits (2 for EUR)
     * @return one share per weight, each with scale {@code digits}, summing to {@code tax}; when the
     *         weights add up to zero the whole tax goes to the last row
     */
    public static List<BigDecimal> allocate(BigDecimal tax, List<BigDecimal> weights, int digits) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        if (weights.isEmpty()) {
            return shares;
        }
        if (total.signum() == 0) {
            weights.forEach(w -> shares.add(BigDecimal.ZERO.setScale(digits)));
            shares.set(shares.size() - 1, tax.setScale(digits, RoundingMode.UNNECESSARY));
            return shares;
        }
        List<BigDecimal> remainders = new ArrayList<>();
        for (BigDecimal weight : weights) {
            BigDecimal exact = tax.multiply(weight).divide(total, digits + 10, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(digits, RoundingMode.FLOOR);
            shares.add(floor);
            remainders.add(exact.subtract(floor));
        }
        BigDecimal allocated = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int leftover = tax.subtract(allocated).divide(unit, 0, RoundingMode.HALF_UP).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < leftover; k++) {
            int row = byRemainder.get(k % byRemainder.size());
            shares.set(row, shares.get(row).add(unit));
        }
        return shares;
    }
}

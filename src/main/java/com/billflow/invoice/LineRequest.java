package com.billflow.invoice;

import com.billflow.common.Text;
import com.billflow.common.InvalidInputException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An invoice line as the console sends it: samples/tests and costs with quantity and unit price,
 * surcharges, rebates, discounts and taxes with a percent.
 */
public record LineRequest(
        @NotNull LineKind kind,
        @NotBlank @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL) String description,
        @Positive @Digits(integer = 9, fraction = 4) BigDecimal quantity,
        @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal percent) {

    /** The rules Bean Validation cannot say: which fields each kind needs. */
    void check(Currency currency) {
        if (kind.isPercentBased()) {
            if (percent == null || quantity != null || unitPrice != null) {
                throw new InvalidInputException("A " + words(kind) + " line (" + kind + ") takes a percent (0-100], not a quantity or a unit price (percent; no quantity or unitPrice)");
            }
        } else {
            if (quantity == null || unitPrice == null || percent != null) {
                throw new InvalidInputException("A " + words(kind) + " line (" + kind + ") takes a quantity and a unit price, not a percent (quantity and unitPrice; no percent)");
            }
            if (unitPrice.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                throw new InvalidInputException("unitPrice " + unitPrice.toPlainString() + " has more decimals than "
                        + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
            }
        }
    }

    /** The kind as a page shows it ("sample / test"), so the Console's message reads as words; the code follows for the API. */
    private static String words(LineKind kind) {
        return kind == LineKind.SAMPLE_TEST ? "sample / test" : kind.name().toLowerCase(Locale.ROOT);
    }
}

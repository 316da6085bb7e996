package com.billflow.money;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money as a page shows it: the currency's symbol, its own number of digits and grouping, e.g.
 * {@code $1,588.38}, {@code €45.25}, {@code ¥1,589}. Used from templates as {@code ${@money.format(...)}}.
 */
@Component("money")
public class MoneyFormat {

    private static final Locale LOCALE = Locale.US;
    /** One per currency in circulation: a few hundred at most. */
    private static final Map<Currency, NumberFormat> PROTOTYPES = new ConcurrentHashMap<>();

    public String format(Money money) {
        return money == null ? "" : format(money.amount(), money.currency());
    }

    /** @param currencyCode an ISO 4217 code; an unknown one prints the plain figure and the code */
    public String format(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        try {
            return format(amount, Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return amount.toPlainString() + (currencyCode == null ? "" : " " + currencyCode);
        }
    }

    private static String format(BigDecimal amount, Currency currency) {
        // NumberFormat is not thread-safe: each call formats with its own copy of the currency's prototype,
        // which is much cheaper than asking the locale providers for a new instance (a list page formats 50)
        NumberFormat format = (NumberFormat) PROTOTYPES.computeIfAbsent(currency, MoneyFormat::prototype).clone();
        return format.format(amount.setScale(format.getMaximumFractionDigits(), RoundingMode.HALF_UP));
    }

    private static NumberFormat prototype(Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
    }
}

package com.billflow.money;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ISO 4217 currencies in circulation: those some country uses today, by the JDK's ISO 4217
 * data. {@link Currency#getInstance(String)} also knows codes no invoice can be paid in: testing
 * and "no currency" ({@code XTS}, {@code XXX}), precious metals ({@code XAU}), funds and units of
 * account ({@code XDR}, {@code BOV}, {@code USN}) and withdrawn currencies ({@code DEM}, {@code HRK}).
 */
public final class Currencies {

    private static final Set<String> IN_CIRCULATION = Arrays.stream(Locale.getISOCountries())
            .map(Currencies::currencyOf)
            .filter(Objects::nonNull)
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /** The currency of {@code code} if it is an ISO 4217 code in circulation (upper case, e.g. USD). */
    public static Optional<Currency> inCirculation(String code) {
        return code != null && IN_CIRCULATION.contains(code) ? Optional.of(Currency.getInstance(code)) : Optional.empty();
    }

    private static Currency currencyOf(String country) {
        try {
            return Currency.getInstance(new Locale("", country));
        } catch (IllegalArgumentException noData) {
            return null;
        }
    }
}

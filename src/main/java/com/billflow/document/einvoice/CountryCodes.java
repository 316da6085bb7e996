package com.billflow.document.einvoice;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes (BT-40, BT-55) from what an address holds: the code itself or the country's name in English, German or French. */
public final class CountryCodes {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH};

    private CountryCodes() {
    }

    /** "DE", "de", "Germany", "Deutschland", "Allemagne" → DE; empty for a blank or unknown country. */
    public static Optional<String> of(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String given = country.strip();
        if (given.length() == 2 && CODES.contains(given.toUpperCase(Locale.ROOT))) {
            return Optional.of(given.toUpperCase(Locale.ROOT));
        }
        for (String code : CODES) {
            Locale locale = new Locale("", code);
            for (Locale language : LANGUAGES) {
                if (locale.getDisplayCountry(language).equalsIgnoreCase(given)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }
}

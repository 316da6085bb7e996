package com.billflow.directory;

import com.billflow.common.InvalidInputException;

import java.util.Locale;

/**
 * Tax identification numbers of laboratories and clients: an EU VAT id (country prefix and 2-13
 * letters or digits, e.g. DE123456789; a German one must be DE and nine digits), a GST number or
 * an ABN (e.g. "51 824 753 556"). Stored trimmed and upper case, spaces kept as given.
 */
final class TaxIds {

    static final int MAX_LENGTH = 30;
    static final String FORMAT = "\\s*[A-Za-z0-9][A-Za-z0-9 ./-]*\\s*";
    static final String FORMAT_MESSAGE = "must be letters and digits (spaces, '.', '/' and '-' allowed), e.g. DE123456789";

    private TaxIds() {
    }

    /** Null for blank; 400 for a German VAT id that is not DE and nine digits. */
    static String normalised(String field, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        String normalised = taxId.strip().toUpperCase(Locale.ROOT);
        if (normalised.startsWith("DE") && !normalised.replace(" ", "").matches("DE[0-9]{9}")) {
            throw new InvalidInputException(field + " '" + taxId.strip() + "' is not a German VAT id: DE and nine digits, e.g. DE123456789");
        }
        return normalised;
    }
}

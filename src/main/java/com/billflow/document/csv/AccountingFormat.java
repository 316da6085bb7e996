package com.billflow.document.csv;

import java.util.Locale;

/** The accounting packages whose invoice-import CSV Billflow writes. */
public enum AccountingFormat {
    XERO,
    QUICKBOOKS;

    /** Parses the {@code format} request parameter ("xero", "quickbooks"), case-insensitively. */
    public static AccountingFormat fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return XERO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown CSV format '" + value + "': use format=xero or format=quickbooks");
        }
    }
}

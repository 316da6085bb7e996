package com.billflow.common;

import com.billflow.document.csv.AccountingFormat;

/** The {@code format} request parameter of the CSV endpoints, refused as the caller's input error. */
public final class CsvFormats {

    private CsvFormats() {
    }

    public static AccountingFormat parse(String format) {
        try {
            return AccountingFormat.fromParameter(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}

package com.billflow.document.csv;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Cell values for the accounting CSV files: numbers as plain figures, text defused against
 * spreadsheet formula injection (a description such as {@code =HYPERLINK(...)} would otherwise
 * run when an accountant opens the file in Excel before importing it).
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    /** Plain figure, no symbol, no grouping, no exponent: {@code 1234.50}. */
    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Null-safe text; a value a spreadsheet would read as a formula ({@code = + - @}, and tab or
     * carriage return, which OWASP lists too) gets a leading quote. Values that are plain numbers,
     * such as a reference "-42", are left alone: a spreadsheet reads them as numbers, not formulas.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (startsLikeFormula(value) && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}

package com.billflow.common;

import java.time.LocalDate;

/**
 * The dates the API accepts: 1900-01-01 to 9999-12-31. Java reads years up to ±999,999,999, which
 * no database column (H2, PostgreSQL) or accounting import takes; a date outside this range is a
 * typing error, refused with 400 before it reaches a query.
 */
public final class BusinessDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    public static final String RANGE = "between " + FIRST + " and " + LAST;

    private BusinessDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** Answers {@code date} (null stays null), or refuses it naming {@code field} and the range. */
    public static LocalDate require(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw new InvalidInputException(field + " " + date + " is out of range: dates must be " + RANGE);
        }
        return date;
    }
}

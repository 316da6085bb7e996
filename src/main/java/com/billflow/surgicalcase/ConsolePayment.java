package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import com.billflow.payment.PaymentInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A payment as the Console's small payment forms post it: every field a string, blank meaning "not
 * given" so the REST API's defaults apply (date today, invoice amount the open amount; a commission's
 * amount is required and {@link com.billflow.payment.Payments} refuses it missing). Text that is no
 * number or no ISO date is refused with {@link InvalidInputException}, shown on the page, never a 500.
 *
 * @param paymentDate ISO date (yyyy-MM-dd), as an {@code <input type="date">} posts it
 * @param amount      plain decimal in the case's currency, e.g. {@code 250.00}
 * @param reference   the payer's or bank's reference
 * @param period      commissions only: a month or a date range, as in {@link PaymentInput}
 */
record ConsolePayment(String paymentDate, String amount, String reference, String period) {

    /** The payment for the services; blank fields become null. */
    PaymentInput toInput() {
        return new PaymentInput(date(), number(), blankToNull(reference), blankToNull(period));
    }

    private LocalDate date() {
        String given = blankToNull(paymentDate);
        try {
            return given == null ? null : LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("paymentDate '" + given + "' is not a date (yyyy-MM-dd)");
        }
    }

    private BigDecimal number() {
        String given = blankToNull(amount);
        try {
            return given == null ? null : new BigDecimal(given);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount '" + given + "' is not a number: give it like 250.00");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.billflow.process;

import com.billflow.common.InvalidInputException;
import com.billflow.payment.PaymentInput;
import org.camunda.bpm.engine.delegate.VariableScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

/**
 * The payment a task completion or a message brought, read from small variables whatever set them:
 * Tasklist (a form's date field sends "2026-11-20", its number field a string or a number), the REST
 * API (strings) or a client's system over /engine-rest (typed Date or Double alike). Blank means
 * "use the default". The variables are removed once read, so a later payment never inherits them.
 *
 * @param date      name of the date variable
 * @param amount    name of the amount variable
 * @param reference name of the reference variable
 * @param period    name of the period variable (commissions), or null
 */
public record PaymentVariables(String date, String amount, String reference, String period) {

    /** The payment in {@code scope}; {@link InvalidInputException} (400) for a value that is no date or no number. */
    public PaymentInput take(VariableScope scope) {
        PaymentInput input = new PaymentInput(date(scope.getVariable(date)), amount(scope.getVariable(amount)),
                text(scope.getVariable(reference)), period == null ? null : text(scope.getVariable(period)));
        scope.removeVariable(date);
        scope.removeVariable(amount);
        scope.removeVariable(reference);
        if (period != null) {
            scope.removeVariable(period);
        }
        return input;
    }

    /** The variables a REST call completes the task with: only what was given, as strings. */
    public Map<String, Object> of(PaymentInput input) {
        Map<String, Object> variables = new java.util.HashMap<>();
        if (input == null) {
            return variables;
        }
        if (input.paymentDate() != null) {
            variables.put(date, input.paymentDate().toString());
        }
        if (input.amount() != null) {
            variables.put(amount, input.amount().toPlainString());
        }
        if (input.reference() != null) {
            variables.put(reference, input.reference());
        }
        if (period != null && input.period() != null) {
            variables.put(period, input.period());
        }
        return variables;
    }

    private LocalDate date(Object value) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            // a date-time field may send "2026-11-20T00:00:00"; the date is what counts
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(date + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private BigDecimal amount(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(amount + " '" + text + "' is not an amount (e.g. 1234.50)");
        }
    }

    private String text(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > com.billflow.payment.Payments.MAX_REFERENCE) {
            throw new InvalidInputException("a payment field is " + text.length() + " characters long; at most "
                    + com.billflow.payment.Payments.MAX_REFERENCE + " are allowed");
        }
        return text;
    }
}

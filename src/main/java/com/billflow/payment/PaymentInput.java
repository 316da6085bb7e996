package com.billflow.payment;

import com.billflow.common.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as a user or a client's system reports it; every field optional unless said otherwise.
 *
 * @param paymentDate ISO date the money moved; default today; never in the future
 * @param amount      in the document's currency, at most its digits (2 for EUR), above 0; default the open
 *                    amount; more than the open amount is refused (400): an overpayment is not recorded
 * @param reference   the payer's or bank's reference, at most {@value Payments#MAX_REFERENCE} characters, one line
 * @param period      commissions only: the month ("2026-11") or the date range ("2026-11-01..2026-11-15")
 *                    the commission is for; default the month of the payment date
 */
@Schema(name = "PaymentInput", description = "A payment received or made; each field optional unless stated")
public record PaymentInput(
        LocalDate paymentDate,
        BigDecimal amount,
        @Size(max = Payments.MAX_REFERENCE) @Pattern(regexp = Text.NO_CONTROL) String reference,
        @Size(max = 22) String period) {

    /** Nothing given: today, the open amount, no reference. */
    public static PaymentInput defaults() {
        return new PaymentInput(null, null, null, null);
    }
}

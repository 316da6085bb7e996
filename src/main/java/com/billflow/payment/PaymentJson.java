package com.billflow.payment;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded payment in JSON. {@code kind}: INVOICE or COMMISSION; {@code outcome}: PARTIAL (some of the
 * total still open, {@code openAfter}) or FULL; {@code period} only for a commission. Amounts in {@code currency}.
 */
@Schema(name = "Payment")
public record PaymentJson(Long id, String kind, LocalDate paymentDate, BigDecimal amount, String currency, String reference,
                          String period, PaymentOutcome outcome, BigDecimal openAfter, String recordedBy, Instant recordedAt) {

    public static PaymentJson of(Payment p) {
        return new PaymentJson(p.getId(), p.getSubject() == PaymentSubject.CASE_COMMISSION ? "COMMISSION" : "INVOICE",
                p.getPaymentDate(), p.amount().amount(), p.amount().currency().getCurrencyCode(), p.getReference(), p.getPeriod(),
                p.getOutcome(), p.openAfter() == null ? null : p.openAfter().amount(), p.getRecordedBy(), p.getRecordedAt());
    }
}

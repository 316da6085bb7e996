package com.billflow.payment;

import com.billflow.money.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** One payment, as recorded: never changed. {@link #openAfter} is what the document still wanted after it (null for a commission). */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private PaymentSubject subject;
    private Long ownerId;
    private LocalDate paymentDate;
    private BigDecimal amount;
    private String currency;
    private String reference;
    private String period;
    @Enumerated(EnumType.STRING)
    private PaymentOutcome outcome;
    private BigDecimal openAfter;
    private String recordedBy;
    private Instant recordedAt;

    protected Payment() {
    }

    Payment(PaymentSubject subject, Long ownerId, LocalDate paymentDate, Money amount, String reference, String period,
            PaymentOutcome outcome, Money openAfter, String recordedBy, Instant recordedAt) {
        this.subject = subject;
        this.ownerId = ownerId;
        this.paymentDate = paymentDate;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.reference = reference;
        this.period = period;
        this.outcome = outcome;
        this.openAfter = openAfter == null ? null : openAfter.amount();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Money amount() {
        return Money.of(amount, Currency.getInstance(currency));
    }

    public Money openAfter() {
        return openAfter == null ? null : Money.of(openAfter, Currency.getInstance(currency));
    }

    /** "Payment of 100.00 EUR on 2026-11-20, reference X: partial, 50.00 EUR open" — for history rows. */
    public String describe() {
        return "Payment of " + amount() + " on " + paymentDate + (reference == null ? "" : ", reference " + reference)
                + (period == null ? "" : ", for " + period)
                + (outcome == PaymentOutcome.PARTIAL ? ": partial, " + openAfter() + " still open" : ": paid in full");
    }

    public boolean settles() {
        return outcome == PaymentOutcome.FULL;
    }

    public Long getId() { return id; }
    public PaymentSubject getSubject() { return subject; }
    public Long getOwnerId() { return ownerId; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public String getReference() { return reference; }
    public String getPeriod() { return period; }
    public PaymentOutcome getOutcome() { return outcome; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}

package com.billflow.invoice;

import com.billflow.money.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** One line of an invoice; its amount is worked out by the invoice, rounded to the currency. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private LineKind kind;
    private String description;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private BigDecimal percent;
    private BigDecimal amount;

    protected InvoiceLine() {
    }

    InvoiceLine(LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal percent) {
        change(kind, description, quantity, unitPrice, percent);
    }

    void change(LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal percent) {
        this.kind = kind;
        this.description = description;
        this.quantity = kind.isPercentBased() ? null : quantity;
        this.unitPrice = kind.isPercentBased() ? null : unitPrice;
        this.percent = kind.isPercentBased() ? percent : null;
    }

    /** A copy with its unit price and its amount as issued reversed, for a credit note. */
    InvoiceLine reversed() {
        InvoiceLine reversed = new InvoiceLine(kind, description, quantity, unitPrice == null ? null : unitPrice.negate(), percent);
        reversed.amount = amount.negate();
        return reversed;
    }

    /** The same percent item: kind, description and rate. */
    boolean sameRate(InvoiceLine other) {
        return kind == other.kind && description.equals(other.description) && percent != null && other.percent != null
                && percent.compareTo(other.percent) == 0;
    }

    InvoiceLine copy() {
        return new InvoiceLine(kind, description, quantity, unitPrice, percent);
    }

    /** Quantity times unit price, or the percent of {@code base}, with the kind's sign; rounded once. */
    Money calculate(Money base, Currency currency) {
        BigDecimal raw = kind.isPercentBased()
                ? base.amount().multiply(percent).divide(HUNDRED, 10, RoundingMode.HALF_UP)
                : quantity.multiply(unitPrice);
        Money result = Money.of(raw.multiply(BigDecimal.valueOf(kind.sign())), currency);
        this.amount = result.amount();
        return result;
    }

    public Long getId() { return id; }
    public LineKind getKind() { return kind; }
    public String getDescription() { return description; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getPercent() { return percent; }

    public Money amount(Currency currency) {
        return Money.of(amount, currency);
    }
}

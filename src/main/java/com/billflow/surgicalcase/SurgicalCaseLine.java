package com.billflow.surgicalcase;

import com.billflow.money.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Currency;

/** One implant or instrument used in the case, as the rep submitted it. */
@Entity
@Table(name = "surgical_case_line")
public class SurgicalCaseLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String manufacturer;
    private String partNumber;
    private String lotNumber;
    private String serialNumber;
    private String description;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private BigDecimal amount;

    protected SurgicalCaseLine() {
    }

    SurgicalCaseLine(String manufacturer, String partNumber, String lotNumber, String serialNumber,
                     String description, BigDecimal quantity, Money unitPrice) {
        this.manufacturer = manufacturer;
        this.partNumber = partNumber;
        this.lotNumber = lotNumber;
        this.serialNumber = serialNumber;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice.amount();
        this.amount = unitPrice.times(quantity).amount();
    }

    /** A line as stored, read without the persistence context (the accounting export's rows). */
    static SurgicalCaseLine stored(String manufacturer, String partNumber, String lotNumber, String serialNumber,
                                   String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
        SurgicalCaseLine line = new SurgicalCaseLine();
        line.manufacturer = manufacturer;
        line.partNumber = partNumber;
        line.lotNumber = lotNumber;
        line.serialNumber = serialNumber;
        line.description = description;
        line.quantity = quantity;
        line.unitPrice = unitPrice;
        line.amount = amount;
        return line;
    }

    public Long getId() { return id; }
    public String getManufacturer() { return manufacturer; }
    public String getPartNumber() { return partNumber; }
    public String getLotNumber() { return lotNumber; }
    public String getSerialNumber() { return serialNumber; }
    public String getDescription() { return description; }
    /** As entered, without trailing zeros: 2, 1.5 (never 2.0000 or 1E+2). */
    public BigDecimal getQuantity() {
        BigDecimal plain = quantity.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    public Money unitPrice(Currency currency) {
        return Money.of(unitPrice, currency);
    }

    public Money amount(Currency currency) {
        return Money.of(amount, currency);
    }
}

package com.billflow.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One status change of an invoice: from, to, by which action, who, when and why. Never changed. */
@Entity
@Table(name = "invoice_history")
public class InvoiceHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long invoiceId;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus toStatus;
    private String action;
    private String actor;
    private Instant at;
    private String reason;

    protected InvoiceHistoryEntry() {
    }

    InvoiceHistoryEntry(Long invoiceId, InvoiceStatus fromStatus, InvoiceStatus toStatus, String action, String actor, Instant at, String reason) {
        this.invoiceId = invoiceId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.action = action;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    public InvoiceStatus getFrom() { return fromStatus; }
    public InvoiceStatus getTo() { return toStatus; }
    public String getAction() { return action; }
    public String getWho() { return actor; }
    public Instant getWhen() { return at; }
    public String getReason() { return reason; }
}

package com.billflow.invoice;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The audit trail: one row per status change, written in the transaction of the change. */
@Component
public class InvoiceHistory {

    /** Who changed an invoice when no user did (automation, timers). */
    public static final String SYSTEM = "system";

    private final InvoiceHistoryRepository entries;
    private final Clock clock;

    InvoiceHistory(InvoiceHistoryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Invoice invoice, InvoiceStatus from, String action, String actor, String reason) {
        if (from != invoice.getStatus() || from == null) {
            entries.save(new InvoiceHistoryEntry(invoice.getId(), from, invoice.getStatus(), action,
                    actor == null ? SYSTEM : actor, Instant.now(clock), reason));
        }
    }

    /** A row for something that left the status as it was (a partial payment): from and to are the same. */
    @Transactional(propagation = Propagation.MANDATORY)
    void note(Invoice invoice, String action, String actor, String reason) {
        entries.save(new InvoiceHistoryEntry(invoice.getId(), invoice.getStatus(), invoice.getStatus(), action,
                actor == null ? SYSTEM : actor, Instant.now(clock), reason));
    }

    @Transactional(readOnly = true)
    public List<InvoiceHistoryEntry> of(Long invoiceId) {
        return entries.findByInvoiceIdOrderById(invoiceId);
    }
}

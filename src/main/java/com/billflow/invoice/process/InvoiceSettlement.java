package com.billflow.invoice.process;

import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read by the gateway after Record payment ({@code ${invoiceSettlement.paidInFull(invoiceId)}}): a
 * payment that reached the total made the invoice PAID and ends the instance; a partial one leaves
 * it BOOKED, and Record Settlement waits for the next payment (or a credit).
 */
@Component("invoiceSettlement")
public class InvoiceSettlement {

    private final InvoiceService invoices;

    InvoiceSettlement(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public boolean paidInFull(Long invoiceId) {
        return invoices.get(invoiceId).getStatus() == InvoiceStatus.PAID;
    }
}

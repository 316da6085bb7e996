package com.billflow.invoice.process;

import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.invoice.InvoiceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The laboratory's automation flags, read by the gateways of the invoice processes
 * ({@code ${invoiceAutomation.autoAuthorise(invoiceId)}}), so the decision is visible in the BPMN.
 */
@Component("invoiceAutomation")
public class InvoiceAutomation {

    private final InvoiceService invoices;
    private final LaboratoryService laboratories;

    InvoiceAutomation(InvoiceService invoices, LaboratoryService laboratories) {
        this.invoices = invoices;
        this.laboratories = laboratories;
    }

    @Transactional(readOnly = true)
    public boolean autoAuthorise(Long invoiceId) {
        return laboratoryOf(invoiceId).isAutoAuthorise();
    }

    @Transactional(readOnly = true)
    public boolean autoTransmit(Long invoiceId) {
        return laboratoryOf(invoiceId).isAutoTransmit();
    }

    @Transactional(readOnly = true)
    public boolean autoBook(Long invoiceId) {
        return laboratoryOf(invoiceId).isAutoBook();
    }

    @Transactional(readOnly = true)
    public boolean autoBookCreditNotes(Long invoiceId) {
        return laboratoryOf(invoiceId).isAutoBookCreditNotes();
    }

    private Laboratory laboratoryOf(Long invoiceId) {
        return laboratories.get(invoices.get(invoiceId).getLaboratoryCode());
    }
}

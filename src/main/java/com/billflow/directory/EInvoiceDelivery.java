package com.billflow.directory;

/**
 * Where a client's e-invoices go: mailed to its invoice contact (the UBL XML and the Factur-X PDF attached), written to
 * the outbox directory a Peppol Access Point sends from ({@code billflow.einvoice.outbox-directory}), or both.
 */
public enum EInvoiceDelivery {
    EMAIL,
    OUTBOX,
    EMAIL_AND_OUTBOX;

    public boolean mails() {
        return this != OUTBOX;
    }

    public boolean writesOutbox() {
        return this != EMAIL;
    }
}

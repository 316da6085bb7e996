package com.billflow.directory;

/**
 * How a client wants its invoices: mailed by Billflow to its invoice contact, sent by post or fax, or as an EN 16931
 * e-invoice (Peppol BIS UBL and Factur-X) by the client's {@link EInvoiceSettings}.
 */
public enum TransmitBy {
    EMAIL,
    MAIL,
    FAX,
    EINVOICE
}

package com.billflow.document.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued invoice (or credit note) as accounting software imports it. Amounts are plain
 * figures in {@code currency}, already rounded; no currency symbols anywhere.
 *
 * @param addressLines up to four street lines of the contact's postal address
 * @param reference    the PO number(s), e.g. "Acme: PO-1; Zimmer: PO-2"
 * @param terms        payment terms as text, e.g. "Net 30"
 */
public record AccountingInvoice(
        String invoiceNumber,
        String contactName,
        String emailAddress,
        List<String> addressLines,
        String city,
        String region,
        String postalCode,
        String country,
        String reference,
        LocalDate invoiceDate,
        LocalDate dueDate,
        String terms,
        String currency,
        List<Line> lines) {

    /**
     * @param taxAmount the tax charged on this line, or null when the invoice carries no tax
     */
    public record Line(
            String itemCode,
            String description,
            BigDecimal quantity,
            BigDecimal unitAmount,
            BigDecimal amount,
            BigDecimal taxAmount) {
    }
}

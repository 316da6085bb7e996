package com.billflow.document.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued invoice or credit note as accounting software imports it. Amounts are plain figures
 * in {@code currency}, already rounded, and as the target wants them: a credit note's amounts are
 * positive (the importer knows it is a credit), its discount and rebate rows negative. No currency
 * symbols anywhere.
 *
 * @param kind         which import the document goes through: the invoice import or the credit-note import
 * @param addressLines up to four street lines of the contact's postal address
 * @param reference    the PO number(s), e.g. "Acme: PO-1; Zimmer: PO-2"; for a credit note the number of the invoice it credits
 * @param dueDate      null for a credit note (neither target's credit-note import has one)
 * @param terms        payment terms as text, e.g. "Net 30"
 */
public record AccountingInvoice(
        Kind kind,
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

    /** The two imports of each target: sales invoices, and credit notes (Xero) / credit memos (QuickBooks Online). */
    public enum Kind {
        INVOICE,
        CREDIT_NOTE
    }

    /**
     * One row. Tax is never a row of its own: a taxed row names its tax and carries its share of it.
     *
     * @param quantity          as the target multiplies it by {@code unitAmount}; quantity × unitAmount = amount
     * @param amount            the row's net amount (without tax), may be negative (discounts, rebates)
     * @param taxAmount         this row's share of the document's tax, or null when the row carries no tax
     * @param xeroTaxType       Xero's {@code *TaxType} for this row; null: the configured untaxed type
     * @param quickBooksTaxCode QuickBooks' {@code ItemTaxCode}; null: the configured untaxed code
     */
    public record Line(
            String itemCode,
            String description,
            BigDecimal quantity,
            BigDecimal unitAmount,
            BigDecimal amount,
            BigDecimal taxAmount,
            String xeroTaxType,
            String quickBooksTaxCode) {

        /** An untaxed row (a surgical case's lines). */
        public static Line untaxed(String itemCode, String description, BigDecimal quantity, BigDecimal unitAmount, BigDecimal amount) {
            return new Line(itemCode, description, quantity, unitAmount, amount, null, null, null);
        }
    }
}

package com.billflow.document.pdf;

import com.billflow.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an invoice-like PDF shows, already worked out by the domain: the renderer only lays
 * it out. Used for surgical case invoices, production invoices, credit notes, proposals,
 * estimates and WIP documents.
 *
 * @param title      heading, e.g. "INVOICE", "CREDIT NOTE", "ESTIMATE"
 * @param number     document number, or null for documents without one (estimate, WIP)
 * @param references label/value pairs shown under the parties, e.g. "PO (Acme Ortho)" / "PO-123",
 *                   "Surgeon", "Procedure date", "Patient ref" (never a patient name)
 * @param dueDate    null for documents that ask for no payment (credit notes, estimates): no "Due date" is printed
 * @param summary    rows between the lines and the total: subtotal, discounts, surcharges, taxes
 * @param notes      free text under the total (payment instructions), may be empty
 * @param taxBreakdown one row per tax rate (taxable amount, rate, tax amount; EU VAT Directive Art. 226 (8)-(10)),
 *                   printed as a table under the total; empty when the document has no tax
 */
public record InvoiceDocument(
        String title,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        Party seller,
        Party remitTo,
        Party billTo,
        List<Reference> references,
        List<Line> lines,
        List<SummaryRow> summary,
        Money total,
        List<String> notes,
        List<TaxRow> taxBreakdown) {

    /** A document without a tax breakdown (surgical case invoices). */
    public InvoiceDocument(String title, String number, LocalDate issueDate, LocalDate dueDate, Party seller, Party remitTo,
                           Party billTo, List<Reference> references, List<Line> lines, List<SummaryRow> summary, Money total,
                           List<String> notes) {
        this(title, number, issueDate, dueDate, seller, remitTo, billTo, references, lines, summary, total, notes, List.of());
    }

    /**
     * A name with address and contact lines, each printed on its own line, and the party's tax
     * (VAT/GST/ABN) id, printed as "Tax ID: …" when not null.
     */
    public record Party(String name, List<String> addressLines, List<String> contactLines, String taxId) {

        public Party(String name, List<String> addressLines, List<String> contactLines) {
            this(name, addressLines, contactLines, null);
        }
    }

    /**
     * The tax at one rate: what it is charged on, the rate in percent (19 = 19 %), the tax.
     *
     * @param label    e.g. "VAT", with the EN 16931 category where known: "VAT (S)"
     */
    public record TaxRow(String label, BigDecimal ratePercent, Money taxableAmount, Money taxAmount) {
    }

    public record Reference(String label, String value) {
    }

    /**
     * One invoice line. Any text field may be null or blank when it does not apply (production
     * invoices have no manufacturer or lot/serial).
     */
    public record Line(
            String manufacturer,
            String partNumber,
            String lotSerial,
            String description,
            BigDecimal quantity,
            Money unitPrice,
            Money amount) {
    }

    public record SummaryRow(String label, Money amount) {
    }
}

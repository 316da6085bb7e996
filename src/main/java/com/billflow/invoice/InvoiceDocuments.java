package com.billflow.invoice;

import com.billflow.BillflowProperties;
import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.document.pdf.InvoicePdfRenderer;
import com.billflow.money.Money;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Renders and keeps an invoice's PDFs (invoice, credit note, proposal, estimate, WIP). */
@Component
class InvoiceDocuments {

    static final String OWNER_TYPE = "INVOICE";

    private final InvoicePdfRenderer renderer;
    private final DocumentStore store;
    private final BillflowProperties properties;

    InvoiceDocuments(InvoicePdfRenderer renderer, DocumentStore store, BillflowProperties properties) {
        this.renderer = renderer;
        this.store = store;
        this.properties = properties;
    }

    StoredDocument render(Invoice invoice, Laboratory laboratory, Client client, DocumentKind kind, LocalDate today) {
        return render(invoice, laboratory, client, kind, today, null);
    }

    /**
     * Renders and stores the document. Every kind shows the seller (name, address, tax id), the remit-to
     * (bank details) and the buyer (name, address, tax id); an invoice adds its due date and the payment
     * reference, a credit note the number and date of {@code credited} and no request for payment.
     * The tax is broken down per rate (taxable amount, rate, tax; EU VAT Directive Art. 226).
     *
     * @param credited the invoice a credit note credits; null for every other kind
     */
    StoredDocument render(Invoice invoice, Laboratory laboratory, Client client, DocumentKind kind, LocalDate today, Invoice credited) {
        String title = switch (kind) {
            case INVOICE -> "INVOICE";
            case CREDIT_NOTE -> "CREDIT NOTE";
            case PROPOSAL -> "PROPOSAL";
            case ESTIMATE -> "ESTIMATE";
            case WIP -> "WORK IN PROGRESS";
        };
        boolean issued = kind == DocumentKind.INVOICE || kind == DocumentKind.CREDIT_NOTE || kind == DocumentKind.PROPOSAL;
        boolean asksForPayment = kind == DocumentKind.INVOICE;
        Currency currency = invoice.currency();
        List<InvoiceDocument.Line> lines = invoice.getLines().stream().map(line -> new InvoiceDocument.Line(null, null, null,
                describe(line), line.getQuantity(), line.getUnitPrice() == null ? null : Money.of(line.getUnitPrice(), currency),
                line.amount(currency))).toList();
        List<InvoiceDocument.SummaryRow> summary = new ArrayList<>();
        summary.add(new InvoiceDocument.SummaryRow("Subtotal (net)", invoice.subtotal()));
        if (invoice.hasTaxes()) {
            summary.add(new InvoiceDocument.SummaryRow("Taxes", invoice.taxTotal()));
        }
        String paymentReference = asksForPayment ? laboratory.getPaymentReference().referenceFor(invoice.getNumber()) : null;
        InvoiceDocument document = new InvoiceDocument(title, issued ? invoice.getNumber() : null,
                issued ? invoice.getInvoiceDate() : today, asksForPayment ? invoice.getDueDate() : null,
                seller(laboratory), remitTo(laboratory, paymentReference),
                new InvoiceDocument.Party(client.getName(), client.getAddress().printedLines(),
                        client.getInvoiceContactEmail() == null ? List.of() : List.of(client.getInvoiceContactEmail()), client.getTaxId()),
                references(invoice, kind, credited), lines, summary, invoice.total(),
                notes(invoice, kind, title, paymentReference, credited), taxBreakdown(invoice, laboratory));
        String fileName = (issued ? invoice.getNumber() : "invoice-" + invoice.getId() + "-" + kind.name().toLowerCase()) + ".pdf";
        return store.store(OWNER_TYPE, invoice.getId(), kind, fileName, renderer.render(document));
    }

    /**
     * The job; for issued invoices and credit notes the date of supply, which Billflow does not record
     * for a job: it is the date of issue, and printed as such (Art. 226 (7)); for a credit note the
     * credited invoice's number and date.
     */
    private static List<InvoiceDocument.Reference> references(Invoice invoice, DocumentKind kind, Invoice credited) {
        List<InvoiceDocument.Reference> references = new ArrayList<>();
        references.add(new InvoiceDocument.Reference("Job", invoice.getJobNumber()));
        if (kind == DocumentKind.INVOICE || kind == DocumentKind.CREDIT_NOTE) {
            references.add(new InvoiceDocument.Reference("Date of supply", "Same as issue date"));
        }
        if (credited != null) {
            references.add(new InvoiceDocument.Reference("Credits invoice", credited.getNumber()));
            references.add(new InvoiceDocument.Reference("Credited invoice date", String.valueOf(credited.getInvoiceDate())));
        }
        return references;
    }

    private static List<String> notes(Invoice invoice, DocumentKind kind, String title, String paymentReference, Invoice credited) {
        String net = "Unit prices and line amounts are net, excluding tax.";
        return switch (kind) {
            case INVOICE -> List.of("Please pay " + invoice.total().toPlainString() + " " + invoice.currency().getCurrencyCode()
                    + " by " + invoice.getDueDate() + " to the account under Remit to, quoting " + paymentReference + ".", net);
            case CREDIT_NOTE -> List.of("This credit note credits invoice " + (credited == null ? "" : credited.getNumber() + " of "
                    + credited.getInvoiceDate()) + " in full. Nothing is to be paid: the amount is credited to your account.", net);
            case PROPOSAL -> List.of("This proposal is not an invoice: once accepted, the invoice for the job follows.", net);
            case ESTIMATE, WIP -> List.of("This " + title.toLowerCase() + " is not an invoice. Amounts may change until the invoice is released.");
        };
    }

    /** One row per TAX line: it is charged on the whole net (SPEC §6), at its rate, with the VAT category of the laboratory's tax mapping. */
    private static List<InvoiceDocument.TaxRow> taxBreakdown(Invoice invoice, Laboratory laboratory) {
        Currency currency = invoice.currency();
        return invoice.getLines().stream().filter(line -> line.getKind() == LineKind.TAX).map(line -> new InvoiceDocument.TaxRow(
                line.getDescription() + laboratory.taxMappingFor(line.getPercent()).map(m -> " (category " + m.vatCategory() + ")").orElse(""),
                line.getPercent(), invoice.subtotal(), line.amount(currency))).toList();
    }

    /** The laboratory as seller: name, postal address, tax id, and the address its mail comes from. */
    private InvoiceDocument.Party seller(Laboratory laboratory) {
        String email = laboratory.getEmailFrom() != null ? laboratory.getEmailFrom() : properties.mail().from();
        return new InvoiceDocument.Party(laboratory.getName(), laboratory.getAddress().printedLines(), List.of(email), laboratory.getTaxId());
    }

    /** Where to pay: the laboratory's bank details and, on an invoice, the reference to quote. */
    private static InvoiceDocument.Party remitTo(Laboratory laboratory, String paymentReference) {
        List<String> bank = laboratory.getBankDetails().printedLines();
        return new InvoiceDocument.Party(laboratory.getName(), bank.isEmpty() ? List.of("No bank details on file") : bank,
                paymentReference == null ? List.of() : List.of("Payment reference: " + paymentReference));
    }

    /** A percent line says its rate, unless its description already does ("VAT 19%"). */
    static String describe(InvoiceLine line) {
        if (!line.getKind().isPercentBased()) {
            return line.getDescription();
        }
        String rate = line.getPercent().stripTrailingZeros().toPlainString() + "%";
        return line.getDescription().contains(rate) ? line.getDescription() : line.getDescription() + " (" + rate + ")";
    }
}

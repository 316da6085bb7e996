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
        String title = switch (kind) {
            case INVOICE -> "INVOICE";
            case CREDIT_NOTE -> "CREDIT NOTE";
            case PROPOSAL -> "PROPOSAL";
            case ESTIMATE -> "ESTIMATE";
            case WIP -> "WORK IN PROGRESS";
        };
        boolean issued = kind == DocumentKind.INVOICE || kind == DocumentKind.CREDIT_NOTE || kind == DocumentKind.PROPOSAL;
        Currency currency = invoice.currency();
        List<InvoiceDocument.Line> lines = invoice.getLines().stream().map(line -> new InvoiceDocument.Line(null, null, null,
                describe(line), line.getQuantity(), line.getUnitPrice() == null ? null : Money.of(line.getUnitPrice(), currency),
                line.amount(currency))).toList();
        List<InvoiceDocument.SummaryRow> summary = new ArrayList<>();
        summary.add(new InvoiceDocument.SummaryRow("Subtotal", invoice.subtotal()));
        if (invoice.hasTaxes()) {
            summary.add(new InvoiceDocument.SummaryRow("Taxes", invoice.taxTotal()));
        }
        List<InvoiceDocument.Reference> references = new ArrayList<>();
        references.add(new InvoiceDocument.Reference("Job", invoice.getJobNumber()));
        references.add(new InvoiceDocument.Reference("Laboratory", laboratory.getName()));
        if (invoice.getOriginalInvoiceId() != null) {
            references.add(new InvoiceDocument.Reference("Credits invoice", String.valueOf(invoice.getOriginalInvoiceId())));
        }
        InvoiceDocument document = new InvoiceDocument(title, issued ? invoice.getNumber() : null,
                issued ? invoice.getInvoiceDate() : today, issued ? invoice.getDueDate() : null,
                laboratoryParty(laboratory), laboratoryParty(laboratory),
                new InvoiceDocument.Party(client.getName(), client.getAddress().printedLines(),
                        client.getInvoiceContactEmail() == null ? List.of() : List.of(client.getInvoiceContactEmail())),
                references, lines, summary, invoice.total(),
                issued ? List.of("Payment terms: " + invoice.getDueDate() + ". Please quote " + invoice.getNumber() + " with your payment.")
                        : List.of("This " + title.toLowerCase() + " is not an invoice. Amounts may change until the invoice is released."));
        String fileName = (issued ? invoice.getNumber() : "invoice-" + invoice.getId() + "-" + kind.name().toLowerCase()) + ".pdf";
        return store.store(OWNER_TYPE, invoice.getId(), kind, fileName, renderer.render(document));
    }

    /** Seller and remit-to of a laboratory's documents: the laboratory itself (it has no postal address on file). */
    private InvoiceDocument.Party laboratoryParty(Laboratory laboratory) {
        String email = laboratory.getEmailFrom() != null ? laboratory.getEmailFrom() : properties.mail().from();
        return new InvoiceDocument.Party(laboratory.getName(), List.of(), List.of(email));
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

package com.billflow.invoice;

import com.billflow.common.Markdown;
import com.billflow.money.Money;
import com.billflow.directory.ClientService;
import com.billflow.directory.LaboratoryService;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.payment.Payment;
import com.billflow.payment.PaymentSubject;
import com.billflow.payment.Payments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;

/** What an invoice task's form shows: the invoice as Markdown, its latest PDF and the allowed actions. */
@Component
public class InvoiceSummary {

    private final InvoiceService invoices;
    private final DocumentStore store;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final Payments payments;

    InvoiceSummary(InvoiceService invoices, DocumentStore store, LaboratoryService laboratories, ClientService clients, Payments payments) {
        this.payments = payments;
        this.invoices = invoices;
        this.store = store;
        this.laboratories = laboratories;
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public String markdown(Long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        StringBuilder text = new StringBuilder("### ").append(Markdown.escape(invoice.describe())).append(" - ").append(invoice.getStatus()).append("\n\n")
                .append("Laboratory ").append(Markdown.escape(laboratories.get(invoice.getLaboratoryCode()).getName()))
                .append(", client ").append(Markdown.escape(clients.get(invoice.getClientCode()).getName()))
                .append(", job ").append(Markdown.escape(invoice.getJobNumber()))
                .append(invoice.getDueDate() == null ? "" : ", due " + invoice.getDueDate()).append("\n\n");
        if (invoice.getLines().isEmpty()) {
            text.append("*No lines yet.*\n\n");
        } else {
            text.append("| Kind | Description | Qty | Unit price | % | Amount |\n|---|---|---:|---:|---:|---:|\n");
            for (InvoiceLine line : invoice.getLines()) {
                text.append("| ").append(line.getKind()).append(" | ").append(Markdown.escape(line.getDescription()))
                        .append(" | ").append(plain(line.getQuantity())).append(" | ").append(line.getUnitPrice() == null ? "" : Money.of(line.getUnitPrice(), invoice.currency()).toPlainString())
                        .append(" | ").append(plain(line.getPercent())).append(" | ").append(line.amount(invoice.currency()).toPlainString()).append(" |\n");
            }
        }
        text.append("\nSubtotal ").append(invoice.subtotal()).append(", taxes ").append(invoice.taxTotal())
                .append(", **total ").append(invoice.total()).append("**");
        for (Payment payment : payments.of(PaymentSubject.LABORATORY_INVOICE, invoiceId)) {
            text.append("\n\n").append(Markdown.escape(payment.describe())).append(" (").append(Markdown.escape(payment.getRecordedBy())).append(")");
        }
        return text.toString();
    }

    /** The invoice's total less the payments recorded towards it. */
    @Transactional(readOnly = true)
    public Money openAmount(Long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        return payments.open(PaymentSubject.LABORATORY_INVOICE, invoiceId, invoice.total());
    }

    /** The payments recorded towards the invoice, oldest first. */
    @Transactional(readOnly = true)
    public List<Payment> payments(Long invoiceId) {
        invoices.get(invoiceId);
        return payments.of(PaymentSubject.LABORATORY_INVOICE, invoiceId);
    }

    /** The newest PDF of the invoice (invoice, credit note, proposal, estimate or WIP), or an empty text. */
    @Transactional(readOnly = true)
    public String latestPdfUrl(Long invoiceId) {
        return store.all(InvoiceDocuments.OWNER_TYPE, invoiceId).stream().max(Comparator.comparing(StoredDocument::getId))
                .map(d -> "/api/invoices/" + invoiceId + "/documents/" + d.getId()).orElse("");
    }

    /**
     * The actions the invoice's status offers. Not narrowed by its lines (an empty draft's release):
     * the form keeps these options while the lines may still change, and the completion is checked then.
     */
    @Transactional(readOnly = true)
    public List<String> allowedActions(Long invoiceId) {
        return invoices.get(invoiceId).actionsOfStatus();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}

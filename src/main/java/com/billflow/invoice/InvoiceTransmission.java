package com.billflow.invoice;

import com.billflow.BillflowProperties;
import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.email.MailService;
import com.billflow.document.email.MessageTemplate;
import com.billflow.document.email.OutgoingMail;
import com.billflow.document.email.SentMail;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gets an issued document to the client: by email with the PDF attached, or recorded as sent by mail or fax. */
@Component
class InvoiceTransmission {

    record Sent(String by, String to, Instant at) {
    }

    private final DocumentStore store;
    private final MailService mail;
    private final BillflowProperties properties;
    private final Clock clock;

    InvoiceTransmission(DocumentStore store, MailService mail, BillflowProperties properties, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    Sent send(Invoice invoice, Laboratory laboratory, Client client) {
        if (client.getTransmitBy() != TransmitBy.EMAIL) {
            return new Sent(client.getTransmitBy().name(), null, Instant.now(clock));
        }
        DocumentKind kind = switch (invoice.getType()) {
            case PRODUCTION -> DocumentKind.INVOICE;
            case CREDIT_NOTE -> DocumentKind.CREDIT_NOTE;
            case PROPOSAL -> DocumentKind.PROPOSAL;
        };
        StoredDocument pdf = store.latest(InvoiceDocuments.OWNER_TYPE, invoice.getId(), kind)
                .orElseThrow(() -> new IllegalStateException(invoice.describe() + " has no " + kind + " PDF to transmit"));
        Map<String, String> values = Map.of(
                "invoiceNumber", invoice.getNumber(),
                "documentType", documentType(invoice),
                "laboratoryName", laboratory.getName(),
                "clientName", client.getName(),
                "jobNumber", invoice.getJobNumber(),
                "total", invoice.total().toString(),
                "dueDate", String.valueOf(invoice.getDueDate()));
        String from = laboratory.getEmailFrom() != null ? laboratory.getEmailFrom() : properties.mail().from();
        SentMail sent = mail.sendOnce(new OutgoingMail("invoice-transmit:" + invoice.getId(), from,
                List.of(client.getInvoiceContactEmail()), from,
                MessageTemplate.render(laboratory.getEmailSubjectTemplate(), values),
                MessageTemplate.render(laboratory.getEmailBodyTemplate(), values),
                List.of(new OutgoingMail.Attachment(pdf.getFileName(), pdf.getMediaType(), pdf.getContent()))));
        return new Sent(TransmitBy.EMAIL.name(), client.getInvoiceContactEmail(), sent.sentAt());
    }

    private static String documentType(Invoice invoice) {
        return switch (invoice.getType()) {
            case PRODUCTION -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PROPOSAL -> "Proposal";
        };
    }
}

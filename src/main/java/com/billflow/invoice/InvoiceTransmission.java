package com.billflow.invoice;

import com.billflow.BillflowProperties;
import com.billflow.directory.Client;
import com.billflow.directory.EInvoiceSettings;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.document.email.MailService;
import com.billflow.document.email.MessageTemplate;
import com.billflow.document.email.OutgoingMail;
import com.billflow.document.email.SentMail;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gets an issued document to the client: by email with the PDF attached, recorded as sent by mail or fax, or as an
 * EN 16931 e-invoice (mailed and/or written to the Peppol outbox).
 */
@Component
class InvoiceTransmission {

    record Sent(String by, String to, Instant at) {
    }

    private final DocumentStore store;
    private final MailService mail;
    private final BillflowProperties properties;
    private final Clock clock;
    private final ElectronicInvoices electronicInvoices;
    private final PeppolOutbox outbox;

    InvoiceTransmission(DocumentStore store, MailService mail, BillflowProperties properties, Clock clock,
                        ElectronicInvoices electronicInvoices, PeppolOutbox outbox) {
        this.electronicInvoices = electronicInvoices;
        this.outbox = outbox;
        this.store = store;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    Sent send(Invoice invoice, Laboratory laboratory, Client client) {
        if (client.getTransmitBy() == TransmitBy.EINVOICE && invoice.getType() != InvoiceType.PROPOSAL) {
            return sendElectronic(invoice, laboratory, client);
        }
        if (client.getTransmitBy() != TransmitBy.EMAIL && client.getTransmitBy() != TransmitBy.EINVOICE) {
            return new Sent(client.getTransmitBy().name(), null, Instant.now(clock));
        }
        DocumentKind kind = switch (invoice.getType()) {
            case PRODUCTION -> DocumentKind.INVOICE;
            case CREDIT_NOTE -> DocumentKind.CREDIT_NOTE;
            case PROPOSAL -> DocumentKind.PROPOSAL;
        };
        StoredDocument pdf = store.latest(InvoiceDocuments.OWNER_TYPE, invoice.getId(), kind)
                .orElseThrow(() -> new IllegalStateException(invoice.describe() + " has no " + kind + " PDF to transmit"));
        SentMail sent = mail(invoice, laboratory, client,
                List.of(new OutgoingMail.Attachment(pdf.getFileName(), pdf.getMediaType(), pdf.getContent())));
        return new Sent(TransmitBy.EMAIL.name(), client.getInvoiceContactEmail(), sent.sentAt());
    }

    /**
     * The EN 16931 e-invoice by the client's delivery: mailed with the UBL XML and the Factur-X PDF attached (once, under the
     * same idempotency key as any transmission mail), and/or the preferred format written to the Peppol outbox. What is
     * recorded names each channel and each document's SHA-256. Refused (409) when the document cannot be a valid e-invoice.
     */
    private Sent sendElectronic(Invoice invoice, Laboratory laboratory, Client client) {
        electronicInvoices.requireValid(invoice, laboratory, client);
        EInvoiceSettings settings = client.getEinvoice();
        List<String> channels = new ArrayList<>();
        Instant at = Instant.now(clock);
        if (settings.delivery().writesOutbox()) {
            ElectronicInvoices.File file = electronicInvoices.file(invoice, laboratory, client, settings.format());
            outbox.write(file.fileName(), file.content());
            channels.add("Peppol outbox " + file.fileName() + " (" + settings.format() + ", SHA-256 " + file.sha256() + ")");
        }
        if (settings.delivery().mails()) {
            ElectronicInvoices.File ubl = electronicInvoices.file(invoice, laboratory, client, EInvoiceFormat.UBL);
            ElectronicInvoices.File facturX = electronicInvoices.file(invoice, laboratory, client, EInvoiceFormat.FACTURX);
            SentMail sent = mail(invoice, laboratory, client, List.of(
                    new OutgoingMail.Attachment(ubl.fileName(), ubl.mediaType(), ubl.content()),
                    new OutgoingMail.Attachment(facturX.fileName(), facturX.mediaType(), facturX.content())));
            at = sent.sentAt();
            channels.add("e-mail to " + client.getInvoiceContactEmail() + " (UBL SHA-256 " + ubl.sha256() + ", Factur-X SHA-256 " + facturX.sha256() + ")");
        }
        return new Sent(TransmitBy.EINVOICE.name(), String.join(" and ", channels), at);
    }

    private SentMail mail(Invoice invoice, Laboratory laboratory, Client client, List<OutgoingMail.Attachment> attachments) {
        Map<String, String> values = Map.of(
                "invoiceNumber", invoice.getNumber(),
                "documentType", documentType(invoice),
                "laboratoryName", laboratory.getName(),
                "clientName", client.getName(),
                "jobNumber", invoice.getJobNumber(),
                "total", invoice.total().toString(),
                "dueDate", String.valueOf(invoice.getDueDate()));
        String from = laboratory.getEmailFrom() != null ? laboratory.getEmailFrom() : properties.mail().from();
        return mail.sendOnce(new OutgoingMail("invoice-transmit:" + invoice.getId(), from,
                List.of(client.getInvoiceContactEmail()), from,
                MessageTemplate.render(laboratory.getEmailSubjectTemplate(), values),
                MessageTemplate.render(laboratory.getEmailBodyTemplate(), values),
                attachments));
    }

    private static String documentType(Invoice invoice) {
        return switch (invoice.getType()) {
            case PRODUCTION -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PROPOSAL -> "Proposal";
        };
    }
}

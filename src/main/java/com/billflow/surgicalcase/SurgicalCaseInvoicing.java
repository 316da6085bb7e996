package com.billflow.surgicalcase;

import com.billflow.BillflowProperties;
import com.billflow.common.IllegalStatusException;
import com.billflow.directory.BillingContact;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.email.MailService;
import com.billflow.document.email.OutgoingMail;
import com.billflow.document.email.SentMail;
import com.billflow.document.pdf.InvoicePdfRenderer;
import com.billflow.numbering.NumberAllocator;
import com.billflow.numbering.NumberPattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The invoice of a case: its number and PDF, and the invoice mail. The CSV is in {@link SurgicalCaseExports}. */
@Service
public class SurgicalCaseInvoicing {

    public static final String OWNER_TYPE = "SURGICAL_CASE";
    static final String INVOICE_SERIES = "surgical-invoice";

    private final SurgicalCaseService cases;
    private final FacilityService facilities;
    private final NumberAllocator numbers;
    private final SurgicalCaseDocuments documents;
    private final InvoicePdfRenderer pdfRenderer;
    private final DocumentStore store;
    private final MailService mail;
    private final InvoiceRecipients recipients;
    private final BillflowProperties properties;
    private final Clock clock;

    SurgicalCaseInvoicing(SurgicalCaseService cases, FacilityService facilities, NumberAllocator numbers,
                          SurgicalCaseDocuments documents, InvoicePdfRenderer pdfRenderer, DocumentStore store,
                          MailService mail, InvoiceRecipients recipients, BillflowProperties properties, Clock clock) {
        this.cases = cases;
        this.facilities = facilities;
        this.numbers = numbers;
        this.documents = documents;
        this.pdfRenderer = pdfRenderer;
        this.store = store;
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
        this.clock = clock;
    }

    /** The invoice just issued and the mail Send Invoice starts from. */
    public record IssuedInvoice(String number, InvoiceEmail defaultEmail, List<String> facilityEmails) {
    }

    /** Allocates the invoice number, renders and stores the PDF; answers the defaults of the invoice mail. */
    @Transactional
    public IssuedInvoice issueInvoice(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Facility facility = facilities.get(surgicalCase.getFacilityCode());
        LocalDate today = LocalDate.now(clock);
        String number = numbers.next(INVOICE_SERIES, new NumberPattern(properties.surgicalCase().invoiceNumberPattern()), today);
        surgicalCase.issueInvoice(number, today, facility.getPaymentTermsDays());
        byte[] pdf = pdfRenderer.render(documents.invoice(surgicalCase, facility));
        store.store(OWNER_TYPE, caseId, DocumentKind.INVOICE, number + ".pdf", pdf);
        return new IssuedInvoice(number, defaultEmail(surgicalCase, facility),
                facility.getBillingContacts().stream().map(BillingContact::email).toList());
    }

    /** Every billing contact address of the case's facility, first contact first. */
    @Transactional(readOnly = true)
    public List<String> facilityEmails(Long caseId) {
        return facilities.get(cases.get(caseId).getFacilityCode()).getBillingContacts().stream().map(BillingContact::email).toList();
    }

    /** Refuses a mail that cannot be sent (no or malformed address, empty subject) before anything is queued. */
    @Transactional(readOnly = true)
    public void checkEmail(Long caseId, InvoiceEmail email) {
        recipients.resolve(email, facilityEmails(caseId));
    }

    /** Sends the invoice PDF; a retry after the server accepted it records the first send and mails nothing. */
    @Transactional
    public SentMail emailInvoice(Long caseId, InvoiceEmail email) {
        SurgicalCase surgicalCase = cases.get(caseId);
        InvoiceRecipients.Resolved resolved = recipients.resolve(email, facilityEmails(caseId));
        StoredDocument pdf = invoicePdf(caseId);
        SentMail sent = mail.sendOnce(new OutgoingMail("surgical-case-invoice:" + caseId, properties.mail().from(),
                resolved.to(), resolved.replyTo(), resolved.subject(), resolved.body(),
                List.of(new OutgoingMail.Attachment(pdf.getFileName(), pdf.getMediaType(), pdf.getContent()))));
        surgicalCase.recordInvoiceSent(SendMethod.EMAIL, sent.sentAt());
        return sent;
    }

    @Transactional(readOnly = true)
    public StoredDocument invoicePdf(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        return store.latest(OWNER_TYPE, caseId, DocumentKind.INVOICE).orElseThrow(() -> new IllegalStatusException(
                "Case " + surgicalCase.getCaseNumber() + " is " + surgicalCase.getStatus() + " and has no invoice yet: "
                        + "the invoice is generated once the purchase order is in"));
    }

    private InvoiceEmail defaultEmail(SurgicalCase surgicalCase, Facility facility) {
        String contactName = facility.firstBillingContact().map(BillingContact::name).orElse("Accounts Payable");
        String to = facility.firstBillingContact().map(BillingContact::email).orElse("");
        String subject = "Invoice " + surgicalCase.getInvoiceNumber() + " - " + surgicalCase.getProcedureName()
                + " on " + surgicalCase.getProcedureDate() + " (case " + surgicalCase.getCaseNumber() + ")";
        String body = "Dear " + contactName + ",\n\n"
                + "please find attached invoice " + surgicalCase.getInvoiceNumber() + " for the " + surgicalCase.getProcedureName()
                + " of " + surgicalCase.getProcedureDate() + " (PO " + surgicalCase.purchaseOrders().reference(surgicalCase.manufacturers()) + ").\n"
                + "Amount due: " + surgicalCase.total() + ", payable by " + surgicalCase.getDueDate() + ".\n\n"
                + "Kind regards,\n" + properties.seller().name();
        return new InvoiceEmail(to, false, properties.mail().replyTo(), subject, body);
    }
}

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
import java.util.Set;

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
    private final InvoiceMails invoiceMails;
    private final BillflowProperties properties;
    private final Clock clock;
    private final CaseFigures figures;

    SurgicalCaseInvoicing(SurgicalCaseService cases, FacilityService facilities, NumberAllocator numbers,
                          SurgicalCaseDocuments documents, InvoicePdfRenderer pdfRenderer, DocumentStore store,
                          MailService mail, InvoiceRecipients recipients, InvoiceMails invoiceMails,
                          BillflowProperties properties, Clock clock, CaseFigures figures) {
        this.figures = figures;
        this.cases = cases;
        this.facilities = facilities;
        this.numbers = numbers;
        this.documents = documents;
        this.pdfRenderer = pdfRenderer;
        this.store = store;
        this.mail = mail;
        this.recipients = recipients;
        this.invoiceMails = invoiceMails;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Allocates the invoice number, renders and stores the PDF, and stores the default invoice mail
     * (To: the facility's first billing contact) that Send Invoice starts from; answers the number.
     * The number is reserved for the case in a short transaction of its own (the series is not locked
     * while the PDF renders); a retry after a failure gets the same number and invoice date.
     */
    @Transactional
    public String issueInvoice(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Facility facility = facilities.get(surgicalCase.getFacilityCode());
        NumberAllocator.Reserved number = numbers.reserve(OWNER_TYPE, caseId, INVOICE_SERIES,
                new NumberPattern(properties.surgicalCase().invoiceNumberPattern()), LocalDate.now(clock));
        Set<CaseFigures.Key> before = figures.snapshot(surgicalCase);
        surgicalCase.issueInvoice(number.number(), number.date(), facility.getPaymentTermsDays());
        figures.changed(before, surgicalCase);
        byte[] pdf = pdfRenderer.render(documents.invoice(surgicalCase, facility));
        store.store(OWNER_TYPE, caseId, DocumentKind.INVOICE, number.number() + ".pdf", pdf);
        invoiceMails.save(caseId, defaultEmail(surgicalCase, facility));
        return number.number();
    }

    /** The invoice mail as it stands: the default, or what the user chose in Send Invoice. */
    @Transactional(readOnly = true)
    public InvoiceEmail invoiceMail(Long caseId) {
        return invoiceMails.find(caseId).orElseThrow(() -> new IllegalStatusException(
                "Case " + cases.get(caseId).getCaseNumber() + " has no invoice yet, so no invoice mail"));
    }

    /** Every billing contact address of the case's facility, first contact first. */
    @Transactional(readOnly = true)
    public List<String> facilityEmails(Long caseId) {
        return facilities.get(cases.get(caseId).getFacilityCode()).getBillingContacts().stream().map(BillingContact::email).toList();
    }

    /**
     * Records the invoice mail the user chose in Send Invoice, after refusing one that cannot be sent
     * (no or malformed address, empty subject, over-long text: {@link com.billflow.common.InvalidInputException}, 400)
     * so the user hears it while still on the form.
     */
    @Transactional
    public void chooseInvoiceMail(Long caseId, InvoiceEmail email) {
        recipients.resolve(email, facilityEmails(caseId));
        invoiceMails.save(caseId, email);
    }

    /** Sends the invoice PDF with the recorded invoice mail; a retry after the server accepted it mails nothing. */
    @Transactional
    public SentMail emailInvoice(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        InvoiceRecipients.Resolved resolved = recipients.resolve(invoiceMail(caseId), facilityEmails(caseId));
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

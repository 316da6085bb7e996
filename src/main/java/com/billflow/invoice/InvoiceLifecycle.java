package com.billflow.invoice;

import com.billflow.common.InvalidInputException;
import com.billflow.common.Text;
import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.document.DocumentKind;
import com.billflow.invoice.process.InvoiceWorkflow;
import com.billflow.numbering.NumberAllocator;
import com.billflow.numbering.NumberPattern;
import com.billflow.payment.Payment;
import com.billflow.payment.PaymentInput;
import com.billflow.payment.PaymentSubject;
import com.billflow.payment.Payments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The status moves the invoice processes make: each loads the invoice, lets it refuse or accept
 * the move, and writes the history row, the number and the PDF in the same transaction. A number is
 * reserved for its document just before, in a short transaction of its own ({@link #release}).
 */
@Service
public class InvoiceLifecycle {

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final InvoiceHistory history;
    private final InvoiceDocuments documents;
    private final InvoiceTransmission transmission;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final NumberAllocator numbers;
    private final InvoiceWorkflow workflow;
    private final Payments payments;
    private final ElectronicInvoices electronicInvoices;
    private final Clock clock;

    InvoiceLifecycle(Payments payments, InvoiceService invoices, InvoiceRepository repository, InvoiceHistory history, InvoiceDocuments documents,
                     InvoiceTransmission transmission, LaboratoryService laboratories, ClientService clients,
                     NumberAllocator numbers, InvoiceWorkflow workflow, ElectronicInvoices electronicInvoices, Clock clock) {
        this.electronicInvoices = electronicInvoices;
        this.payments = payments;
        this.invoices = invoices;
        this.repository = repository;
        this.history = history;
        this.documents = documents;
        this.transmission = transmission;
        this.laboratories = laboratories;
        this.clients = clients;
        this.numbers = numbers;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** The longest reason a cancel or reject may give. */
    public static final int MAX_REASON_LENGTH = 1000;

    /**
     * A move without side effects: draft, authorise, unauthorise, cancel, book, reject, pay, accept, auto-book. Authorising a
     * document for a client on the e-invoice channel that could not be a valid e-invoice is refused (409, naming the fields).
     */
    @Transactional
    public Invoice apply(Long id, InvoiceAction action, String reason, String actor) {
        Invoice invoice = invoices.get(id);
        String checkedReason = checkedReason(invoice, action, reason);
        if (action == InvoiceAction.AUTHORISE) {
            electronicInvoices.checkAuthorisable(id);
        }
        InvoiceStatus from = invoice.move(action);
        history.record(invoice, from, action.path(), actor, checkedReason);
        return invoice;
    }

    /**
     * The reason given for {@code action}: trimmed, at most {@value #MAX_REASON_LENGTH} characters, one line;
     * required to cancel or reject. Throws {@link InvalidInputException} (400) otherwise. Checked when the
     * user's task completes as well as when the move is made, so a bad reason never reaches the engine.
     */
    public static String checkedReason(Invoice invoice, InvoiceAction action, String reason) {
        String checked = Text.optional("reason", reason, MAX_REASON_LENGTH);
        if (action.requiresReason() && checked == null) {
            throw new InvalidInputException("A reason is required to " + action.path() + " " + invoice.describe());
        }
        return checked;
    }

    /** Owner type of an invoice's or a proposal's number in {@code reserved_number}; the owner id is the document's id. */
    static final String NUMBER_OWNER = "INVOICE";
    /**
     * Owner type of a credit note's number in {@code reserved_number}; the owner id is the <em>credited invoice's</em> id,
     * since the credit note's own row is created in the step that may roll back, and an invoice is credited once.
     */
    static final String CREDIT_NOTE_NUMBER_OWNER = "CREDIT_NOTE_OF_INVOICE";

    /**
     * Releases the invoice or proposal: gives it its number from the laboratory's series and renders the PDF.
     * Refused (409) before any number is taken when the status does not allow it or the invoice has no lines
     * or a negative total.
     * <p>
     * The number is reserved for this document ({@link NumberAllocator#reserve}) in a short transaction of
     * its own, committed before the PDF renders, so the laboratory's series row is locked only for those
     * few statements and another release of the laboratory goes ahead meanwhile (issue 11). Everything that
     * may refuse the release is checked before the number is reserved, so what can still fail after it is
     * technical (rendering, storing, the engine's flush, a lost connection); the step's transaction then
     * rolls back but the number stays reserved for this document, and its retry (the user's second click,
     * the task completed again after a crash) gets the same number and date back: later documents take the
     * numbers after it, and it is filled when this document is released, so there is neither a gap nor a
     * duplicate. The invoice date is the date the number was reserved on, so numbers and dates keep the same order.
     */
    @Transactional
    public Invoice release(Long id, String actor) {
        Invoice invoice = invoices.get(id);
        invoice.checkReleasable();
        Laboratory laboratory = laboratories.get(invoice.getLaboratoryCode());
        LocalDate today = LocalDate.now(clock);
        boolean proposal = invoice.getType() == InvoiceType.PROPOSAL;
        NumberAllocator.Reserved number = proposal
                ? numbers.reserve(NUMBER_OWNER, id, series(laboratory, "proposal"), new NumberPattern(laboratory.getProposalNumberPattern()), today)
                : numbers.reserve(NUMBER_OWNER, id, series(laboratory, "invoice"), new NumberPattern(laboratory.getInvoiceNumberPattern()), today);
        InvoiceStatus from = invoice.release(number.number(), number.date());
        history.record(invoice, from, InvoiceAction.RELEASE.path(), actor, null);
        documents.render(invoice, laboratory, clients.get(invoice.getClientCode()), proposal ? DocumentKind.PROPOSAL : DocumentKind.INVOICE,
                number.date());
        return invoice;
    }

    /**
     * Records a payment of this BOOKED invoice (SPEC §5): the invoice becomes PAID once payments reach
     * its total, and stays BOOKED after a partial payment. Either way the history gets a row naming the
     * payment and what it left open. Refused (409) in any other status; (400) for an amount above the
     * open amount, of zero or less, or with more digits than the currency has, or a date in the future.
     */
    @Transactional
    public Payment pay(Long id, PaymentInput input, String actor) {
        Invoice invoice = invoices.get(id);
        if (!invoice.allows(InvoiceAction.PAY)) {
            throw invoice.refused(InvoiceAction.PAY);
        }
        Payment payment = payments.towards(PaymentSubject.LABORATORY_INVOICE, id, invoice.total(), input, actor);
        if (payment.settles()) {
            InvoiceStatus from = invoice.move(InvoiceAction.PAY);
            history.record(invoice, from, InvoiceAction.PAY.path(), actor, payment.describe());
        } else {
            history.note(invoice, InvoiceAction.PAY.path(), actor, payment.describe());
        }
        return payment;
    }

    /** Sends the PDF to the client (or records it as sent by mail or fax); retried, never sent twice. */
    @Transactional
    public Invoice transmit(Long id, String actor) {
        Invoice invoice = invoices.get(id);
        if (!invoice.allows(InvoiceAction.TRANSMIT) && !invoice.allows(InvoiceAction.SEND)) {
            throw invoice.refused(invoice.getType() == InvoiceType.PROPOSAL ? InvoiceAction.SEND : InvoiceAction.TRANSMIT);
        }
        Client client = clients.get(invoice.getClientCode());
        InvoiceTransmission.Sent sent = transmission.send(invoice, laboratories.get(invoice.getLaboratoryCode()), client);
        InvoiceStatus from = invoice.transmit(sent.by(), sent.at());
        history.record(invoice, from, invoice.getType() == InvoiceType.PROPOSAL ? InvoiceAction.SEND.path() : InvoiceAction.TRANSMIT.path(),
                actor, "by " + sent.by().toLowerCase() + (sent.to() == null ? "" : " to " + sent.to()));
        return invoice;
    }

    /**
     * BOOKED → CREDITED, and a new linked credit note (RELEASED, numbered, every amount reversed) with its own process.
     * Refused (409) before any number is taken when the invoice cannot be credited. The credit note's number is
     * reserved for the credited invoice in a short transaction of its own, before the PDF renders and the credit
     * note's process starts, with the guarantees {@link #release} describes: the series is not locked through the
     * slow part, and a retry after a rollback gets the same number and date.
     */
    @Transactional
    public Invoice credit(Long id, String actor) {
        Invoice original = invoices.get(id);
        if (!original.allows(InvoiceAction.CREDIT)) {
            throw original.refused(InvoiceAction.CREDIT);
        }
        Laboratory laboratory = laboratories.get(original.getLaboratoryCode());
        LocalDate today = LocalDate.now(clock);
        NumberAllocator.Reserved number = numbers.reserve(CREDIT_NOTE_NUMBER_OWNER, id, series(laboratory, "credit-note"),
                new NumberPattern(laboratory.getCreditNoteNumberPattern()), today);
        Invoice creditNote = repository.save(original.creditNote(Instant.now(clock)));
        creditNote.issue(number.number(), number.date());
        history.record(creditNote, null, InvoiceAction.CREDIT.path(), actor, "Credits " + original.describe());
        InvoiceStatus from = original.credit(creditNote);
        history.record(original, from, InvoiceAction.CREDIT.path(), actor, "Credit note " + creditNote.getNumber());
        documents.render(creditNote, laboratory, clients.get(original.getClientCode()), DocumentKind.CREDIT_NOTE, number.date(), original);
        workflow.startCreditNote(creditNote);
        return creditNote;
    }

    /** SENT → ACCEPTED, and the job's production invoice (INITIAL, the proposal's lines) with its own process, linked both ways. */
    @Transactional
    public Invoice accept(Long id, String actor) {
        Invoice proposal = invoices.get(id);
        InvoiceStatus from = proposal.move(InvoiceAction.ACCEPT);
        Invoice production = repository.save(proposal.productionInvoice(Instant.now(clock)));
        proposal.linkProductionInvoice(production);
        history.record(proposal, from, InvoiceAction.ACCEPT.path(), actor, "Production invoice " + production.getId());
        history.record(production, null, "create", actor, "From accepted proposal " + proposal.getNumber());
        workflow.start(production);
        return proposal;
    }

    private static String series(Laboratory laboratory, String series) {
        return "lab:" + laboratory.getCode() + ":" + series;
    }
}

package com.billflow.invoice.process;

import com.billflow.process.PaymentVariables;

import java.util.List;
import java.util.Map;

/**
 * Ids and variable names of {@code processes/ProductionInvoiceProcess.bpmn}; the credit note and
 * proposal processes reuse the user task ids and variables. Code and tests use only these.
 */
public final class ProductionInvoiceProcess {

    public static final String PROCESS_KEY = "ProductionInvoiceProcess";

    public static final String TASK_PREPARE_INVOICE = "Task_PrepareInvoice";
    public static final String TASK_REVIEW_INVOICE = "Task_ReviewInvoice";
    public static final String TASK_AUTHORISE_INVOICE = "Task_AuthoriseInvoice";
    public static final String TASK_TRANSMIT_INVOICE = "Task_TransmitInvoice";
    public static final String TASK_RECORD_CLIENT_RESPONSE = "Task_RecordClientResponse";
    public static final String TASK_RECORD_SETTLEMENT = "Task_RecordSettlement";

    public static final String TASK_RELEASE_INVOICE = "Task_ReleaseInvoice";
    public static final String TASK_AUTHORISE_AUTOMATICALLY = "Task_AuthoriseAutomatically";
    public static final String TASK_DELIVER_INVOICE = "Task_DeliverInvoice";
    public static final String TASK_BOOK_AUTOMATICALLY = "Task_BookAutomatically";
    public static final String TASK_CREDIT_INVOICE = "Task_CreditInvoice";

    public static final String END_INVOICE_PAID = "EndEvent_InvoicePaid";
    public static final String END_INVOICE_CREDITED = "EndEvent_InvoiceCredited";
    public static final String END_INVOICE_REJECTED = "EndEvent_InvoiceRejected";
    public static final String END_INVOICE_CANCELLED = "EndEvent_InvoiceCancelled";
    public static final String END_INVOICE_MERGED = "EndEvent_InvoiceMerged";

    /** Ends an INITIAL invoice that was merged into another. */
    public static final String MESSAGE_INVOICE_MERGED = "InvoiceMerged";
    /** The client's system books, rejects (variable {@code reason}) or pays by message correlation. */
    public static final String MESSAGE_INVOICE_BOOKED = "InvoiceBooked";
    public static final String MESSAGE_INVOICE_REJECTED = "InvoiceRejected";
    public static final String MESSAGE_INVOICE_PAID = "InvoicePaid";

    /** Long: the invoice's database id (also the business key until the number is allocated). */
    public static final String VAR_INVOICE_ID = "invoiceId";
    /** String: the invoice's laboratory code, set at start; the instance's tenant id derives from it (LaboratoryTenantIdProvider). */
    public static final String VAR_LABORATORY_CODE = "laboratoryCode";
    /** The action chosen in a task's form or by the REST call: release, cancel, ... */
    public static final String VAR_INVOICE_ACTION = "invoiceAction";
    public static final String VAR_REASON = "reason";
    /** Who chose the last action, for the history of the async steps that carry it out. */
    public static final String VAR_INVOICE_ACTION_BY = "invoiceActionBy";
    /** The user task the last action was chosen in, so the next gateway can check the action belongs to it. */
    public static final String VAR_INVOICE_TASK = "invoiceTask";
    /** Input parameter of every service task: the step it applies (release, auto-authorise, ...). */
    public static final String VAR_INVOICE_STEP = "invoiceStep";
    /** Task-local, display only: the invoice as Markdown, its PDF link and the offered actions. */
    public static final String VAR_INVOICE_SUMMARY = "invoiceSummary";
    public static final String VAR_INVOICE_PDF_URL = "invoicePdfUrl";
    public static final String VAR_ACTION_OPTIONS = "actionOptions";
    /** Task-local, display only (Record Settlement): what is still open, e.g. "150.00 EUR". */
    public static final String VAR_OPEN_AMOUNT = "openAmount";
    /**
     * The payment of {@code pay} (form fields, REST, or the InvoicePaid message's variables): the date
     * (YYYY-MM-DD, default today), the amount (a decimal string or number, default the open amount) and
     * the reference; read and removed by the Record payment step.
     */
    public static final String VAR_PAYMENT_DATE = "paymentDate";
    public static final String VAR_PAYMENT_AMOUNT = "paymentAmount";
    public static final String VAR_PAYMENT_REFERENCE = "paymentReference";
    public static final PaymentVariables PAYMENT = new PaymentVariables(VAR_PAYMENT_DATE, VAR_PAYMENT_AMOUNT, VAR_PAYMENT_REFERENCE, null);
    /** The gateway after Record payment: paid in full ends the instance, a partial payment waits for the next. */
    public static final String GATEWAY_PAID_IN_FULL = "Gateway_PaidInFull";

    /** Process variables shown on Tasklist cards (display only, see InvoiceCard): number, kind, client name, total and status as words. */
    public static final String VAR_CARD_NUMBER = "invoiceNumber";
    public static final String VAR_CARD_KIND = "invoiceKind";
    public static final String VAR_CARD_CLIENT = "clientName";
    public static final String VAR_CARD_TOTAL = "invoiceTotalText";
    public static final String VAR_CARD_STATUS = "invoiceStatusText";

    /** Business rule tasks: each evaluates the decision of processes/InvoiceAutomation.dmn named below. */
    public static final String TASK_DECIDE_AUTO_AUTHORISE = "Task_DecideAutoAuthorise";
    public static final String TASK_DECIDE_AUTO_TRANSMIT = "Task_DecideAutoTransmit";
    public static final String TASK_DECIDE_AUTO_BOOK = "Task_DecideAutoBook";
    /** Decision keys of processes/InvoiceAutomation.dmn; each result variable is the key with a lower-case first letter. */
    public static final String DECISION_AUTO_AUTHORISE = "AutoAuthorise";
    public static final String DECISION_AUTO_TRANSMIT = "AutoTransmit";
    public static final String DECISION_AUTO_BOOK = "AutoBook";
    public static final String DECISION_AUTO_BOOK_CREDIT_NOTE = "AutoBookCreditNote";

    /** Decision inputs, set by InvoiceAutomation before each decision: the laboratory's flags (Boolean) ... */
    public static final String VAR_LABORATORY_AUTO_AUTHORISE = "laboratoryAutoAuthorise";
    public static final String VAR_LABORATORY_AUTO_TRANSMIT = "laboratoryAutoTransmit";
    public static final String VAR_LABORATORY_AUTO_BOOK = "laboratoryAutoBook";
    public static final String VAR_LABORATORY_AUTO_BOOK_CREDIT_NOTES = "laboratoryAutoBookCreditNotes";
    /** ... and the invoice: type (PRODUCTION, CREDIT_NOTE), total (Double, taxes included), currency code, client code, channel (EMAIL, MAIL, FAX). */
    public static final String VAR_INVOICE_TYPE = "invoiceType";
    public static final String VAR_INVOICE_TOTAL = "invoiceTotal";
    public static final String VAR_INVOICE_CURRENCY = "invoiceCurrency";
    public static final String VAR_CLIENT_CODE = "clientCode";
    public static final String VAR_TRANSMIT_BY = "transmitBy";

    /** The actions each user task offers (the invoice's status may allow fewer). */
    public static final Map<String, List<String>> TASK_ACTIONS = Map.of(
            TASK_PREPARE_INVOICE, List.of("draft", "cancel"),
            TASK_REVIEW_INVOICE, List.of("release", "cancel"),
            TASK_AUTHORISE_INVOICE, List.of("authorise", "cancel"),
            TASK_TRANSMIT_INVOICE, List.of("transmit", "unauthorise", "cancel"),
            TASK_RECORD_CLIENT_RESPONSE, List.of("book", "reject"),
            TASK_RECORD_SETTLEMENT, List.of("pay", "credit"),
            ProposalInvoiceProcess.TASK_SEND_PROPOSAL, List.of("send", "unauthorise", "cancel"),
            ProposalInvoiceProcess.TASK_RECORD_PROPOSAL_RESPONSE, List.of("accept", "reject"));

    private ProductionInvoiceProcess() {
    }
}

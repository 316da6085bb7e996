package com.billflow.surgicalcase.process;

import com.billflow.process.PaymentVariables;

/**
 * Ids and variable names of {@code processes/SurgicalCaseBillingProcess.bpmn}. Code and tests use
 * only these, so renaming an element in the Modeler breaks the build rather than production.
 */
public final class SurgicalCaseBillingProcess {

    public static final String PROCESS_KEY = "SurgicalCaseBillingProcess";

    public static final String TASK_ADD_PURCHASE_ORDER = "Task_AddPurchaseOrder";
    public static final String TASK_RECORD_PURCHASE_ORDERS = "Task_RecordPurchaseOrders";
    public static final String TASK_GENERATE_INVOICE = "Task_GenerateInvoice";
    public static final String TASK_SEND_INVOICE = "Task_SendInvoice";
    public static final String TASK_CHECK_INVOICE_MAIL = "Task_CheckInvoiceMail";
    public static final String TASK_EMAIL_INVOICE = "Task_EmailInvoice";
    public static final String TASK_RECORD_INVOICE_SENT_MANUALLY = "Task_RecordInvoiceSentManually";
    public static final String TASK_MARK_INVOICE_PAID = "Task_MarkInvoicePaid";
    public static final String TASK_RECORD_INVOICE_PAID = "Task_RecordInvoicePaid";
    public static final String TASK_MARK_COMMISSION_PAID = "Task_MarkCommissionPaid";
    public static final String TASK_RECORD_COMMISSION_PAID = "Task_RecordCommissionPaid";
    public static final String TASK_SEND_PO_REMINDER = "Task_SendPoReminder";

    public static final String TIMER_PO_REMINDER_DUE = "BoundaryEvent_PoReminderDue";
    public static final String EVENT_CASE_CANCELLED = "BoundaryEvent_CaseCancelled";
    public static final String MESSAGE_CASE_CANCELLED = "CaseCancelled";

    public static final String END_CASE_PAID = "EndEvent_CasePaid";
    public static final String END_CASE_CANCELLED = "EndEvent_CaseCancelled";
    public static final String END_REMINDER_SENT = "EndEvent_PoReminderSent";

    public static final String FORM_ADD_PURCHASE_ORDER = "AddPurchaseOrderForm";
    public static final String FORM_SEND_INVOICE = "SendInvoiceForm";

    /** Long: the case's database id. Business key is the case number. */
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CASE_NUMBER = "caseNumber";
    /** The rep's user id: candidate user of Add Purchase Order. */
    public static final String VAR_REP = "rep";
    /** Read-only text for the Add Purchase Order form: facility, procedure, lines and total. */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    public static final String VAR_PO_ALL_MANUFACTURERS = "poAllManufacturers";
    /** JSON list of {manufacturer, poNumber}, prefilled with every manufacturer on the case. */
    public static final String VAR_PO_BY_MANUFACTURER = "poByManufacturer";
    public static final String VAR_INVOICE_NUMBER = "invoiceNumber";
    public static final String VAR_INVOICE_PDF_URL = "invoicePdfUrl";
    public static final String VAR_AUTO_SEND_INVOICE = "autoSendInvoice";
    public static final String VAR_EMAIL_TO = "emailTo";
    public static final String VAR_EMAIL_ALL_CONTACTS = "emailAllContacts";
    public static final String VAR_FACILITY_EMAILS = "facilityEmails";
    public static final String VAR_EMAIL_REPLY_TO = "emailReplyTo";
    public static final String VAR_EMAIL_SUBJECT = "emailSubject";
    public static final String VAR_EMAIL_BODY = "emailBody";
    /** "EMAIL" or "MANUAL". */
    public static final String VAR_SEND_INVOICE_BY = "sendInvoiceBy";

    /**
     * Tasklist card lines (short display texts, Tasklist cards show only variables): the facility's
     * name, the case's value as "$3,450.00" and the event (procedure) date as "2026-11-20". Written
     * when a task of the case is created ({@link CaseTaskDetails}); at most a few dozen characters.
     */
    public static final String VAR_CARD_FACILITY = "cardFacility";
    public static final String VAR_CARD_VALUE = "cardValue";
    public static final String VAR_CARD_EVENT_DATE = "cardEventDate";

    /** The gateway after Record invoice paid: a partial payment brings Mark Invoice Paid back. */
    public static final String GATEWAY_INVOICE_PAID_IN_FULL = "Gateway_InvoicePaidInFull";
    /** Task-local, display only: the invoice's total and what is still open, e.g. "150.00 USD". */
    public static final String VAR_INVOICE_TOTAL = "invoiceTotal";
    public static final String VAR_OPEN_AMOUNT = "openAmount";
    /**
     * Mark Invoice Paid's fields (date YYYY-MM-DD default today; amount default the open amount;
     * reference); read and removed by Record invoice paid. Distinct from the commission's, since
     * both tasks are open at once in one instance.
     */
    public static final String VAR_PAYMENT_DATE = "paymentDate";
    public static final String VAR_PAYMENT_AMOUNT = "paymentAmount";
    public static final String VAR_PAYMENT_REFERENCE = "paymentReference";
    public static final PaymentVariables INVOICE_PAYMENT = new PaymentVariables(VAR_PAYMENT_DATE, VAR_PAYMENT_AMOUNT, VAR_PAYMENT_REFERENCE, null);
    /** Mark Commission Paid's fields: amount required; period "2026-11" or "2026-11-01..2026-11-15", default the month paid. */
    public static final String VAR_COMMISSION_DATE = "commissionPaymentDate";
    public static final String VAR_COMMISSION_AMOUNT = "commissionAmount";
    public static final String VAR_COMMISSION_REFERENCE = "commissionReference";
    public static final String VAR_COMMISSION_PERIOD = "commissionPeriod";
    public static final PaymentVariables COMMISSION_PAYMENT = new PaymentVariables(VAR_COMMISSION_DATE, VAR_COMMISSION_AMOUNT,
            VAR_COMMISSION_REFERENCE, VAR_COMMISSION_PERIOD);

    private SurgicalCaseBillingProcess() {
    }
}

package com.billflow.surgicalcase.process;

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

    private SurgicalCaseBillingProcess() {
    }
}

package com.billflow.surgicalcase.process;

import com.billflow.common.IllegalStatusException;
import com.billflow.payment.PaymentInput;
import com.billflow.process.UserTasks;
import com.billflow.security.Caller;
import com.billflow.surgicalcase.InvoiceEmail;
import com.billflow.surgicalcase.PurchaseOrders;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * The REST API's way into the case's user tasks: each call completes the same task a Tasklist
 * user would, with the same variables, so both paths end in the same state and history.
 */
@Service
public class SurgicalCaseTasks {

    private final SurgicalCaseService cases;
    private final UserTasks userTasks;
    private final SurgicalCaseInvoicing invoicing;

    SurgicalCaseTasks(SurgicalCaseService cases, UserTasks userTasks, SurgicalCaseInvoicing invoicing) {
        this.cases = cases;
        this.userTasks = userTasks;
        this.invoicing = invoicing;
    }

    @Transactional
    public SurgicalCase addPurchaseOrders(Long caseId, String forAll, Map<String, String> byManufacturer, Caller caller) {
        SurgicalCase surgicalCase = cases.getFor(caseId, caller);
        Task task = openTask(surgicalCase, TASK_ADD_PURCHASE_ORDER, "add purchase orders");
        PurchaseOrders.of(forAll, byManufacturer, surgicalCase.manufacturers());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PO_ALL_MANUFACTURERS, forAll == null ? "" : forAll);
        Map<String, String> rows = new LinkedHashMap<>();
        surgicalCase.manufacturers().forEach(m -> rows.put(m, byManufacturer == null ? null : byManufacturer.get(m)));
        variables.put(VAR_PO_BY_MANUFACTURER, ProcessVariables.poRows(rows));
        userTasks.complete(task, variables, caller);
        return cases.get(caseId);
    }

    /**
     * Sends the invoice by email; every field left out keeps what Send Invoice was prefilled with.
     * The mail goes to the task as a transient variable, so its length is not bound by the engine's
     * String variables (see {@link CheckInvoiceMailDelegate}).
     */
    @Transactional
    public SurgicalCase emailInvoice(Long caseId, InvoiceEmail changes, Caller caller) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Task task = openTask(surgicalCase, TASK_SEND_INVOICE, "email the invoice");
        InvoiceEmail current = invoicing.invoiceMail(caseId);
        InvoiceEmail chosen = new InvoiceEmail(
                changes.to() != null ? changes.to() : current.to(),
                changes.allContacts(),
                changes.replyTo() != null ? changes.replyTo() : current.replyTo(),
                changes.subject() != null ? changes.subject() : current.subject(),
                changes.body() != null ? changes.body() : current.body());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SEND_INVOICE_BY, SendMethod.EMAIL.name());
        variables.put(CheckInvoiceMailDelegate.VAR_INVOICE_MAIL, Variables.objectValue(chosen, true).create());
        userTasks.complete(task, variables, caller);
        return cases.get(caseId);
    }

    /**
     * "Sent it myself": completes Send Invoice with {@code MANUAL}, as Tasklist's "Sent by the user":
     * the user downloaded the PDF (or CSV) and sent it on their own; no mail goes out.
     */
    @Transactional
    public SurgicalCase recordInvoiceSentManually(Long caseId, Caller caller) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Task task = openTask(surgicalCase, TASK_SEND_INVOICE, "record the invoice as sent");
        userTasks.complete(task, Map.of(VAR_SEND_INVOICE_BY, SendMethod.MANUAL.name()), caller);
        return cases.get(caseId);
    }

    /**
     * Completes Mark Invoice Paid with the payment (null fields: today, the open amount). A partial
     * payment keeps the case PENDING_PAYMENT and brings the task back for the rest, as in Tasklist.
     */
    @Transactional
    public SurgicalCase markInvoicePaid(Long caseId, PaymentInput payment, Caller caller) {
        SurgicalCase surgicalCase = cases.get(caseId);
        userTasks.complete(openTask(surgicalCase, TASK_MARK_INVOICE_PAID, "mark the invoice paid"), INVOICE_PAYMENT.of(payment), caller);
        return cases.get(caseId);
    }

    /** Completes Mark Commission Paid with the payment; its amount is required (400 otherwise). */
    @Transactional
    public SurgicalCase markCommissionPaid(Long caseId, PaymentInput payment, Caller caller) {
        SurgicalCase surgicalCase = cases.get(caseId);
        userTasks.complete(openTask(surgicalCase, TASK_MARK_COMMISSION_PAID, "mark the commission paid"), COMMISSION_PAYMENT.of(payment), caller);
        return cases.get(caseId);
    }

    /** Both payments at once; whichever was marked already is left as it is. */
    @Transactional
    public SurgicalCase markPaid(Long caseId, PaymentInput invoicePayment, PaymentInput commissionPayment, Caller caller) {
        SurgicalCase surgicalCase = cases.get(caseId);
        if (!surgicalCase.isCommissionPaid()) {
            // the commission first: its amount is the one that can be missing, and then nothing is recorded
            markCommissionPaid(caseId, commissionPayment, caller);
        }
        if (!surgicalCase.isInvoicePaid()) {
            markInvoicePaid(caseId, invoicePayment, caller);
        }
        return cases.get(caseId);
    }

    private Task openTask(SurgicalCase surgicalCase, String taskKey, String action) {
        return userTasks.open(PROCESS_KEY, surgicalCase.getCaseNumber(), taskKey).orElseThrow(() -> new IllegalStatusException(
                "Case " + surgicalCase.getCaseNumber() + " is " + surgicalCase.getStatus() + detail(surgicalCase)
                        + ": cannot " + action + " now. " + surgicalCase.whatIsAllowed()));
    }

    private static String detail(SurgicalCase c) {
        if (c.isInvoicePaid() && c.isCommissionPaid()) {
            return "";
        }
        if (c.isInvoiced() && c.getInvoiceSentAt() == null) {
            return " and invoice " + c.getInvoiceNumber() + " is waiting to be sent";
        }
        if (c.isInvoicePaid()) {
            return " and its invoice is already marked paid";
        }
        if (c.isCommissionPaid()) {
            return " and its commission is already marked paid";
        }
        return "";
    }
}

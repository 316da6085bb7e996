package com.billflow.invoice.process;

import com.billflow.common.IllegalStatusException;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.payment.PaymentInput;
import com.billflow.security.Caller;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * The REST API's way into the invoice tasks: {@code POST /api/invoices/{id}/{action}} completes
 * the task the invoice waits in, with the same {@code invoiceAction} a Tasklist user would choose,
 * so both paths give the same result and the same history.
 */
@Service
public class InvoiceTasks {

    private final InvoiceService invoices;
    private final TaskService tasks;
    private final com.billflow.process.UserTasks userTasks;

    InvoiceTasks(InvoiceService invoices, TaskService tasks, com.billflow.process.UserTasks userTasks) {
        this.invoices = invoices;
        this.tasks = tasks;
        this.userTasks = userTasks;
    }

    /** Answers the invoice after the action; for {@code credit}, the new credit note. */
    @Transactional
    public Invoice perform(Long invoiceId, InvoiceAction action, String reason, Caller caller) {
        return perform(invoiceId, action, reason, null, caller);
    }

    /**
     * As {@link #perform(Long, InvoiceAction, String, Caller)}; {@code payment} is what {@code pay} records
     * (null: today, the open amount). A partial payment leaves the invoice BOOKED and its Record Settlement
     * task open again, as in Tasklist.
     */
    @Transactional
    public Invoice perform(Long invoiceId, InvoiceAction action, String reason, PaymentInput payment, Caller caller) {
        Invoice invoice = invoices.get(invoiceId);
        if (!invoice.allows(action)) {
            throw invoice.refused(action);
        }
        if (action == InvoiceAction.REPRICE) {
            return invoices.reprice(invoiceId, caller.userId());
        }
        Task task = tasks.createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, invoiceId).singleResult();
        if (task == null) {
            throw new IllegalStatusException(invoice.describe() + " is " + invoice.getStatus()
                    + " and its next step is running automatically: try '" + action.path() + "' again in a moment");
        }
        if (!TASK_ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()).contains(action.path())) {
            // The invoice moved on between the check above and this query (another user was quicker).
            throw new IllegalStatusException(invoice.describe() + " was changed by someone else just now and waits in '" + task.getName()
                    + "': reload it to see what it allows");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_INVOICE_ACTION, action.path());
        variables.put(VAR_REASON, reason);
        if (action == InvoiceAction.PAY) {
            variables.putAll(PAYMENT.of(payment));
        }
        userTasks.complete(task, variables, caller);
        Invoice after = invoices.get(invoiceId);
        return action == InvoiceAction.CREDIT && after.getCreditNoteId() != null ? invoices.get(after.getCreditNoteId()) : after;
    }
}

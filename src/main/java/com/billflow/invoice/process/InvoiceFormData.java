package com.billflow.invoice.process;

import com.billflow.invoice.InvoiceChanged;
import com.billflow.invoice.InvoiceLinesChanged;
import com.billflow.invoice.InvoiceSummary;
import com.billflow.process.FormVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * Listener of every invoice user task. On create: the form's display data as task-local
 * variables, rendered from the database: the invoice as Markdown (a JSON value without the
 * engine's 4,000-character String limit, see {@link FormVariables}), its latest PDF and the actions
 * this task offers that the invoice's status allows. On complete: which task and who chose the
 * action, for {@link InvoiceActionCheck}. On create and on every change of lines or documents also
 * the Tasklist card variables ({@link InvoiceCard}). When the invoice's lines change while the task waits,
 * the summary is rendered again, so the form never shows a frozen copy and for the history of the async steps that carry it out.
 */
@Component("invoiceFormData")
class InvoiceFormData implements TaskListener {

    private final InvoiceSummary summary;
    private final InvoiceCard card;
    private final TaskService tasks;
    private final RuntimeService runtime;

    InvoiceFormData(InvoiceSummary summary, InvoiceCard card, TaskService tasks, RuntimeService runtime) {
        this.summary = summary;
        this.card = card;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Lines changed while a task waits (e.g. added in INITIAL): its form and card show the invoice as it is now. */
    @EventListener
    void linesChanged(InvoiceLinesChanged changed) {
        refresh(changed.invoiceId());
    }

    /** A document was added (estimate, WIP) while a task waits: the form links the newest. */
    @EventListener
    void invoiceChanged(InvoiceChanged changed) {
        refresh(changed.invoiceId());
    }

    private void refresh(Long invoiceId) {
        for (Task task : tasks.createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, invoiceId).list()) {
            tasks.setVariablesLocal(task.getId(), Map.of(VAR_INVOICE_SUMMARY, FormVariables.text(summary.markdown(invoiceId)),
                    VAR_INVOICE_PDF_URL, summary.latestPdfUrl(invoiceId)));
            runtime.setVariables(task.getProcessInstanceId(), card.variables(invoiceId));
        }
    }

    @Override
    public void notify(DelegateTask task) {
        Long invoiceId = InvoiceVariables.invoiceId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(VAR_INVOICE_SUMMARY, FormVariables.text(summary.markdown(invoiceId)));
            task.setVariableLocal(VAR_INVOICE_PDF_URL, summary.latestPdfUrl(invoiceId));
            task.getExecution().setVariables(card.variables(invoiceId));
            List<String> offered = TASK_ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of());
            List<String> allowed = summary.allowedActions(invoiceId);
            List<Map<String, String>> options = offered.stream().filter(allowed::contains)
                    .map(action -> Map.of("label", label(action), "value", action)).toList();
            task.setVariableLocal(VAR_ACTION_OPTIONS, Spin.JSON(options));
            if (TASK_RECORD_SETTLEMENT.equals(task.getTaskDefinitionKey())) {
                task.setVariableLocal(VAR_OPEN_AMOUNT, summary.openAmount(invoiceId).toString());
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            task.getExecution().setVariable(VAR_INVOICE_TASK, task.getTaskDefinitionKey());
            var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (current != null && current.getUserId() != null) {
                task.getExecution().setVariable(VAR_INVOICE_ACTION_BY, current.getUserId());
            }
        }
    }

    private static String label(String action) {
        return switch (action) {
            case "draft" -> "Make it a draft";
            case "release" -> "Release (allocates the number)";
            case "authorise" -> "Authorise";
            case "unauthorise" -> "Unauthorise";
            case "transmit" -> "Transmit to the client";
            case "send" -> "Send to the client";
            case "book" -> "Book (client accepted)";
            case "accept" -> "Accepted by the client";
            case "reject" -> "Reject (reason required)";
            case "pay" -> "Paid";
            case "credit" -> "Credit (issues a credit note)";
            case "cancel" -> "Cancel (reason required)";
            default -> action;
        };
    }
}

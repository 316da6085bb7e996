package com.billflow.invoice.process;

import com.billflow.invoice.InvoiceSummary;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * Listener of every invoice user task. On create: the form's display data as task-local
 * variables, rendered from the database: the invoice as Markdown, its latest PDF and the actions
 * this task offers that the invoice's status allows. On complete: which task and who chose the
 * action, for {@link InvoiceActionCheck} and for the history of the async steps that carry it out.
 */
@Component("invoiceFormData")
class InvoiceFormData implements TaskListener {

    private final InvoiceSummary summary;

    InvoiceFormData(InvoiceSummary summary) {
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        Long invoiceId = InvoiceVariables.invoiceId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(VAR_INVOICE_SUMMARY, summary.markdown(invoiceId));
            task.setVariableLocal(VAR_INVOICE_PDF_URL, summary.latestPdfUrl(invoiceId));
            List<String> offered = TASK_ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of());
            List<String> allowed = summary.allowedActions(invoiceId);
            List<Map<String, String>> options = offered.stream().filter(allowed::contains)
                    .map(action -> Map.of("label", label(action), "value", action)).toList();
            task.setVariableLocal(VAR_ACTION_OPTIONS, Spin.JSON(options));
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

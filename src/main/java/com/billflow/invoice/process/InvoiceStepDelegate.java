package com.billflow.invoice.process;

import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceHistory;
import com.billflow.invoice.InvoiceLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * Every service task of the invoice processes: applies the step named by its input parameter
 * {@code invoiceStep} (visible in the Modeler's properties panel) to the invoice. Steps called
 * "auto-…" are the laboratory's automation and are recorded as done by "system".
 */
@Component("invoiceStepDelegate")
class InvoiceStepDelegate implements JavaDelegate {

    private final InvoiceLifecycle lifecycle;

    InvoiceStepDelegate(InvoiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long invoiceId = InvoiceVariables.invoiceId(execution);
        String step = (String) execution.getVariableLocal(VAR_INVOICE_STEP);
        String actor = step.startsWith("auto-") ? InvoiceHistory.SYSTEM : actor(execution, step);
        String reason = (String) execution.getVariable(VAR_REASON);
        switch (step) {
            case "release" -> {
                Invoice released = lifecycle.release(invoiceId, actor);
                execution.setProcessBusinessKey(released.getNumber());
            }
            case "transmit", "send" -> lifecycle.transmit(invoiceId, actor);
            case "credit" -> lifecycle.credit(invoiceId, actor);
            case "pay" -> lifecycle.pay(invoiceId, PAYMENT.take(execution), actor);
            case "accept" -> lifecycle.accept(invoiceId, actor);
            case "auto-authorise" -> lifecycle.apply(invoiceId, InvoiceAction.AUTHORISE, null, actor);
            case "auto-book" -> lifecycle.apply(invoiceId, InvoiceAction.BOOK, null, actor);
            case "auto-book-credit-note" -> lifecycle.apply(invoiceId, InvoiceAction.AUTO_BOOK, null, actor);
            default -> lifecycle.apply(invoiceId, InvoiceAction.fromPath(step), reason, actor);
        }
    }

    /**
     * The user who completed the task or correlated the message. An async step has no user: it is
     * credited to whoever chose that very action, or to "system" when automation chose it.
     */
    private static String actor(DelegateExecution execution, String step) {
        // IdentityService is public API; only the type of its answer lives in the engine's impl package.
        var current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        Object chosenBy = execution.getVariable(VAR_INVOICE_ACTION_BY);
        boolean chosenByUser = step.equals(execution.getVariable(VAR_INVOICE_ACTION)) && chosenBy != null;
        return chosenByUser ? chosenBy.toString() : InvoiceHistory.SYSTEM;
    }
}

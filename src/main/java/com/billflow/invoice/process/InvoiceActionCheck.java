package com.billflow.invoice.process;

import com.billflow.common.InvalidInputException;
import com.billflow.invoice.ElectronicInvoices;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceLifecycle;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * Start listener of the gateways that route on {@code invoiceAction}: refuses, in the transaction
 * of the task's completion, an action the task does not offer (400) or the invoice does not allow
 * (409: its status, a release of an invoice with no lines or a negative total, or an authorisation of a document for
 * a client on the e-invoice channel that could not be a valid EN 16931 e-invoice), or a missing or
 * over-long reason (400), so a raw engine-API caller gets the same answer as the REST API instead of the
 * engine's "no outgoing sequence flow".
 */
@Component("invoiceActionCheck")
class InvoiceActionCheck implements ExecutionListener {

    /** What the merge itself answers in the target's Prepare Invoice task (see InvoiceWorkflow). */
    static final String MERGED = "merged";

    private final InvoiceService invoices;
    private final ElectronicInvoices electronicInvoices;

    InvoiceActionCheck(InvoiceService invoices, ElectronicInvoices electronicInvoices) {
        this.invoices = invoices;
        this.electronicInvoices = electronicInvoices;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Invoice invoice = invoices.get(InvoiceVariables.invoiceId(execution));
        Object chosen = execution.getVariable(VAR_INVOICE_ACTION);
        String action = chosen == null ? null : chosen.toString();
        String task = (String) execution.getVariable(VAR_INVOICE_TASK);
        if (MERGED.equals(action) && TASK_PREPARE_INVOICE.equals(task) && invoice.getStatus() == InvoiceStatus.DRAFT) {
            return;
        }
        List<String> offered = TASK_ACTIONS.getOrDefault(task, List.of());
        List<String> allowed = invoice.allowedActions();
        if (!offered.contains(action)) {
            throw new InvalidInputException("invoiceAction '" + action + "' is not an action of this task; choose one of: "
                    + String.join(", ", offered.stream().filter(allowed::contains).toList()));
        }
        if (!allowed.contains(action)) {
            throw invoice.refused(InvoiceAction.fromPath(action));
        }
        if (InvoiceAction.AUTHORISE.path().equals(action)) {
            electronicInvoices.checkAuthorisable(invoice.getId());
        }
        Object reason = execution.getVariable(VAR_REASON);
        InvoiceLifecycle.checkedReason(invoice, InvoiceAction.fromPath(action), reason == null ? null : reason.toString());
    }
}

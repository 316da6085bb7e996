package com.billflow.invoice.process;

import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceType;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/** Starts an invoice's process (in its laboratory's tenant) and tells running ones about merges; called inside the service's transaction. */
@Component
public class InvoiceWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;

    InvoiceWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public void start(Invoice invoice) {
        String key = invoice.getType() == InvoiceType.PROPOSAL ? ProposalInvoiceProcess.PROCESS_KEY : ProductionInvoiceProcess.PROCESS_KEY;
        runtime.startProcessInstanceByKey(key, String.valueOf(invoice.getId()), startVariables(invoice));
    }

    public void startCreditNote(Invoice creditNote) {
        runtime.startProcessInstanceByKey(CreditNoteProcess.PROCESS_KEY, creditNote.getNumber(), startVariables(creditNote));
    }

    /** The invoice's id, and its laboratory, which makes the instance its laboratory's (see LaboratoryTenantIdProvider). */
    private static Map<String, Object> startVariables(Invoice invoice) {
        return Map.of(VAR_INVOICE_ID, invoice.getId(), VAR_LABORATORY_CODE, invoice.getLaboratoryCode());
    }

    /** The target's Prepare Invoice task is done (it is a DRAFT now); the others' processes end as merged. */
    public void merged(Invoice target, List<Invoice> others) {
        Task prepare = tasks.createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, target.getId())
                .taskDefinitionKey(TASK_PREPARE_INVOICE).singleResult();
        tasks.complete(prepare.getId(), Map.of(VAR_INVOICE_ACTION, "merged"));
        for (Invoice other : others) {
            runtime.createMessageCorrelation(MESSAGE_INVOICE_MERGED).processInstanceVariableEquals(VAR_INVOICE_ID, other.getId()).correlate();
        }
    }
}

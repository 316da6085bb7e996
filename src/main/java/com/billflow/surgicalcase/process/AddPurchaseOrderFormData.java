package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.CaseSummary;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the Add Purchase Order form the case's lines and total to look at. The text is a
 * task-local variable, rendered from the database when the task is created: it is display
 * only, never read back, and goes away with the task.
 */
@Component("addPurchaseOrderFormData")
class AddPurchaseOrderFormData implements TaskListener {

    private final CaseSummary summary;

    AddPurchaseOrderFormData(CaseSummary summary) {
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(SurgicalCaseBillingProcess.VAR_CASE_SUMMARY, summary.markdown(ProcessVariables.caseId(task)));
    }
}

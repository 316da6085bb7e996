package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Complete Event": runs in the same transaction as the Add Purchase Order completion, so an
 * incomplete or malformed PO refuses the completion and the task stays open.
 */
@Component("recordPurchaseOrdersDelegate")
class RecordPurchaseOrdersDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordPurchaseOrdersDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordPurchaseOrders(ProcessVariables.caseId(execution),
                ProcessVariables.string(execution, SurgicalCaseBillingProcess.VAR_PO_ALL_MANUFACTURERS),
                ProcessVariables.poByManufacturer(execution));
    }
}

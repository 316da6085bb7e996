package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the invoice-paid flag; with the commission paid too the case is PAID. */
@Component("recordInvoicePaidDelegate")
class RecordInvoicePaidDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordInvoicePaidDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.markInvoicePaid(ProcessVariables.caseId(execution));
    }
}

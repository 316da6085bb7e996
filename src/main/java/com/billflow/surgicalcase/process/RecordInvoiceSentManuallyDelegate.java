package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The user downloaded the PDF or CSV and sent it themselves. */
@Component("recordInvoiceSentManuallyDelegate")
class RecordInvoiceSentManuallyDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordInvoiceSentManuallyDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordInvoiceSentManually(ProcessVariables.caseId(execution));
    }
}

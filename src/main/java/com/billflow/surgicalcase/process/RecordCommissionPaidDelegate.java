package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the commission-paid flag; with the invoice paid too the case is PAID. */
@Component("recordCommissionPaidDelegate")
class RecordCommissionPaidDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordCommissionPaidDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.markCommissionPaid(ProcessVariables.caseId(execution));
    }
}

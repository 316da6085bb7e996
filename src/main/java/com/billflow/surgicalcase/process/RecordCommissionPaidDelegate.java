package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.COMMISSION_PAYMENT;

/** Records the rep's commission payment (amount, period, date, reference); with the invoice paid too the case is PAID. */
@Component("recordCommissionPaidDelegate")
class RecordCommissionPaidDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordCommissionPaidDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordCommissionPayment(ProcessVariables.caseId(execution), COMMISSION_PAYMENT.take(execution), ProcessVariables.actor(execution));
    }
}

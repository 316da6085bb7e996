package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.INVOICE_PAYMENT;

/**
 * Records the payment Mark Invoice Paid brought (date, amount, reference; defaults today and the open
 * amount). Paid in full, the invoice is paid (with the commission paid too the case is PAID);
 * otherwise the gateway after this step brings Mark Invoice Paid back for the rest.
 */
@Component("recordInvoicePaidDelegate")
class RecordInvoicePaidDelegate implements JavaDelegate {

    private final SurgicalCaseService cases;

    RecordInvoicePaidDelegate(SurgicalCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordInvoicePayment(ProcessVariables.caseId(execution), INVOICE_PAYMENT.take(execution), ProcessVariables.actor(execution));
    }
}

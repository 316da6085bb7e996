package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.VAR_INVOICE_TOTAL;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.VAR_OPEN_AMOUNT;

/**
 * The case's payments as the process sees them: {@code ${casePayments.invoicePaid(caseId)}} decides
 * after each recorded invoice payment whether Mark Invoice Paid comes back for the rest.
 */
@Component("casePayments")
public class CasePayments {

    private final SurgicalCaseService cases;

    CasePayments(SurgicalCaseService cases) {
        this.cases = cases;
    }

    /** Whether payments reached the invoice's total. */
    public boolean invoicePaid(Long caseId) {
        return cases.get(caseId).isInvoicePaid();
    }

    /** Create listener of both payment tasks: the total and what is open, as the form shows them (task-local, display only). */
    @Component("casePaymentFormData")
    static class FormData implements TaskListener {

        private final SurgicalCaseService cases;

        FormData(SurgicalCaseService cases) {
            this.cases = cases;
        }

        @Override
        public void notify(DelegateTask task) {
            Long caseId = ProcessVariables.caseId(task);
            SurgicalCase surgicalCase = cases.get(caseId);
            task.setVariableLocal(VAR_INVOICE_TOTAL, surgicalCase.total().toString());
            task.setVariableLocal(VAR_OPEN_AMOUNT, cases.openAmount(caseId).toString());
        }
    }
}

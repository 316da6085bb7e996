package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in the same transaction as the Send Invoice completion: a mail that could never be sent
 * (no or malformed address, empty subject) refuses the completion while the user is still on
 * the form, instead of failing later in the async send.
 */
@Component("checkInvoiceMailDelegate")
class CheckInvoiceMailDelegate implements JavaDelegate {

    private final SurgicalCaseInvoicing invoicing;

    CheckInvoiceMailDelegate(SurgicalCaseInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sendBy = ProcessVariables.string(execution, SurgicalCaseBillingProcess.VAR_SEND_INVOICE_BY);
        if (SendMethod.EMAIL.name().equals(sendBy)) {
            invoicing.checkEmail(ProcessVariables.caseId(execution), InvoiceEmailVariables.read(execution));
        } else if (!SendMethod.MANUAL.name().equals(sendBy)) {
            throw new InvalidInputException("sendInvoiceBy must be EMAIL or MANUAL, not '" + sendBy + "'");
        }
    }
}

package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion listener of Send Invoice: refuses a mail that could never be sent while the user is
 * still on the form, instead of letting the async send fail later.
 */
@Component("sendInvoiceFormCheck")
class SendInvoiceFormCheck implements TaskListener {

    private final SurgicalCaseInvoicing invoicing;

    SendInvoiceFormCheck(SurgicalCaseInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void notify(DelegateTask task) {
        String sendBy = ProcessVariables.string(task, SurgicalCaseBillingProcess.VAR_SEND_INVOICE_BY);
        if (SendMethod.EMAIL.name().equals(sendBy)) {
            invoicing.checkEmail(ProcessVariables.caseId(task), InvoiceEmailVariables.read(task));
        } else if (!SendMethod.MANUAL.name().equals(sendBy)) {
            throw new InvalidInputException("sendInvoiceBy must be EMAIL or MANUAL, not '" + sendBy + "'");
        }
    }
}

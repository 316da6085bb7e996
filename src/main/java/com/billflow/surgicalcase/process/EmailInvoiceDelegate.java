package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Async and retried (see the BPMN): sends the invoice mail recorded for the case (see
 * {@link CheckInvoiceMailDelegate}); an SMTP outage ends as an incident, never as a lost or doubled mail.
 */
@Component("emailInvoiceDelegate")
class EmailInvoiceDelegate implements JavaDelegate {

    private final SurgicalCaseInvoicing invoicing;

    EmailInvoiceDelegate(SurgicalCaseInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoicing.emailInvoice(ProcessVariables.caseId(execution));
    }
}

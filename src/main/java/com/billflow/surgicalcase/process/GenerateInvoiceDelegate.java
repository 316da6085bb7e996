package com.billflow.surgicalcase.process;

import com.billflow.BillflowProperties;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * Numbers and renders the invoice (the default invoice mail is stored with it, see
 * {@link SurgicalCaseInvoicing#issueInvoice}); the variables are the number, the PDF's link and the decisions.
 */
@Component("generateInvoiceDelegate")
class GenerateInvoiceDelegate implements JavaDelegate {

    private final SurgicalCaseInvoicing invoicing;
    private final BillflowProperties properties;

    GenerateInvoiceDelegate(SurgicalCaseInvoicing invoicing, BillflowProperties properties) {
        this.invoicing = invoicing;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ProcessVariables.caseId(execution);
        execution.setVariable(VAR_INVOICE_NUMBER, invoicing.issueInvoice(caseId));
        execution.setVariable(VAR_INVOICE_PDF_URL, "/api/surgical-cases/" + caseId + "/invoice.pdf");
        execution.setVariable(VAR_SEND_INVOICE_BY, SendMethod.EMAIL.name());
        execution.setVariable(VAR_AUTO_SEND_INVOICE, properties.surgicalCase().autoSendInvoice());
    }
}

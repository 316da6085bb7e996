package com.billflow.surgicalcase.process;

import com.billflow.BillflowProperties;
import com.billflow.surgicalcase.InvoiceEmail;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/** Numbers and renders the invoice, then prefills Send Invoice with the default mail. */
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
        SurgicalCaseInvoicing.IssuedInvoice invoice = invoicing.issueInvoice(caseId);
        InvoiceEmail email = invoice.defaultEmail();
        execution.setVariable(VAR_INVOICE_NUMBER, invoice.number());
        execution.setVariable(VAR_INVOICE_PDF_URL, "/api/surgical-cases/" + caseId + "/invoice.pdf");
        execution.setVariable(VAR_EMAIL_TO, email.to());
        execution.setVariable(VAR_EMAIL_ALL_CONTACTS, false);
        execution.setVariable(VAR_FACILITY_EMAILS, String.join(", ", invoice.facilityEmails()));
        execution.setVariable(VAR_EMAIL_REPLY_TO, email.replyTo());
        execution.setVariable(VAR_EMAIL_SUBJECT, email.subject());
        execution.setVariable(VAR_EMAIL_BODY, email.body());
        execution.setVariable(VAR_SEND_INVOICE_BY, "EMAIL");
        execution.setVariable(VAR_AUTO_SEND_INVOICE, properties.surgicalCase().autoSendInvoice());
    }
}

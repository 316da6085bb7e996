package com.billflow.surgicalcase.process;

import com.billflow.process.FormVariables;
import com.billflow.surgicalcase.InvoiceEmail;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * Create listener of Send Invoice: the form's fields, from the invoice mail recorded in the
 * database ({@code invoice_mail}; To defaults to the facility's first billing contact), and every
 * contact address of the facility for "All Emails" as a JSON list. Each is a JSON value, so any
 * length fits (see {@link FormVariables}). They are process variables, not task-local, because the
 * engine API's task completion sets its variables on the process; {@link CheckInvoiceMailDelegate}
 * records the mail chosen and removes them.
 */
@Component("sendInvoiceFormData")
class SendInvoiceFormData implements TaskListener {

    /** The process variables that exist only while Send Invoice is open. */
    static final List<String> FORM_FIELDS = List.of(VAR_EMAIL_TO, VAR_EMAIL_ALL_CONTACTS, VAR_EMAIL_REPLY_TO,
            VAR_EMAIL_SUBJECT, VAR_EMAIL_BODY, VAR_FACILITY_EMAILS);

    private final SurgicalCaseInvoicing invoicing;

    SendInvoiceFormData(SurgicalCaseInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void notify(DelegateTask task) {
        Long caseId = ProcessVariables.caseId(task);
        InvoiceEmail mail = invoicing.invoiceMail(caseId);
        DelegateExecution execution = task.getExecution();
        execution.setVariable(VAR_EMAIL_TO, FormVariables.text(mail.to()));
        execution.setVariable(VAR_EMAIL_ALL_CONTACTS, mail.allContacts());
        execution.setVariable(VAR_EMAIL_REPLY_TO, FormVariables.text(mail.replyTo()));
        execution.setVariable(VAR_EMAIL_SUBJECT, FormVariables.text(mail.subject()));
        execution.setVariable(VAR_EMAIL_BODY, FormVariables.text(mail.body()));
        execution.setVariable(VAR_FACILITY_EMAILS, FormVariables.list(invoicing.facilityEmails(caseId)));
    }
}

package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.billflow.process.FormVariables;
import com.billflow.surgicalcase.InvoiceEmail;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * Runs in the same transaction as the Send Invoice completion, so a mail that could never be sent
 * (no or malformed address, empty subject, over-long text) or an unknown send method is refused
 * (400) while the user is still on the form. With {@code EMAIL}, the mail chosen is recorded in the
 * database for the async send. The REST API hands it over as the transient variable
 * {@link #VAR_INVOICE_MAIL} (an {@link InvoiceEmail} of any allowed length); Tasklist as the form's
 * text fields, each at most {@value FormVariables#ENGINE_STRING_LIMIT} characters. The form's
 * variables are removed afterwards: the mail is in {@code invoice_mail}.
 */
@Component("checkInvoiceMailDelegate")
class CheckInvoiceMailDelegate implements JavaDelegate {

    /** Transient {@link InvoiceEmail}: the mail as chosen through the REST API; never stored by the engine. */
    static final String VAR_INVOICE_MAIL = "invoiceMail";
    private static final String LONGER_TEXT = "POST /api/surgical-cases/{id}/invoice/email";

    private final SurgicalCaseInvoicing invoicing;

    CheckInvoiceMailDelegate(SurgicalCaseInvoicing invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sendBy = ProcessVariables.string(execution, VAR_SEND_INVOICE_BY);
        if (SendMethod.EMAIL.name().equals(sendBy)) {
            Object fromApi = execution.getVariable(VAR_INVOICE_MAIL);
            invoicing.chooseInvoiceMail(ProcessVariables.caseId(execution), fromApi instanceof InvoiceEmail mail ? mail : fromForm(execution));
        } else if (!SendMethod.MANUAL.name().equals(sendBy)) {
            throw new InvalidInputException("sendInvoiceBy must be EMAIL or MANUAL, not '" + sendBy + "'");
        }
        execution.removeVariables(SendInvoiceFormData.FORM_FIELDS);
    }

    private static InvoiceEmail fromForm(DelegateExecution execution) {
        return new InvoiceEmail(
                FormVariables.formInput("To", execution.getVariable(VAR_EMAIL_TO), LONGER_TEXT),
                ProcessVariables.flag(execution, VAR_EMAIL_ALL_CONTACTS),
                FormVariables.formInput("Reply-To", execution.getVariable(VAR_EMAIL_REPLY_TO), LONGER_TEXT),
                FormVariables.formInput("Subject", execution.getVariable(VAR_EMAIL_SUBJECT), LONGER_TEXT),
                FormVariables.formInput("Body", execution.getVariable(VAR_EMAIL_BODY), LONGER_TEXT));
    }
}

package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.InvoiceEmail;
import org.camunda.bpm.engine.delegate.VariableScope;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

final class InvoiceEmailVariables {

    private InvoiceEmailVariables() {
    }

    static InvoiceEmail read(VariableScope scope) {
        return new InvoiceEmail(
                ProcessVariables.string(scope, VAR_EMAIL_TO),
                ProcessVariables.flag(scope, VAR_EMAIL_ALL_CONTACTS),
                ProcessVariables.string(scope, VAR_EMAIL_REPLY_TO),
                ProcessVariables.string(scope, VAR_EMAIL_SUBJECT),
                ProcessVariables.string(scope, VAR_EMAIL_BODY));
    }
}

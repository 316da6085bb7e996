package com.billflow.invoice.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import static com.billflow.invoice.process.ProductionInvoiceProcess.VAR_INVOICE_ID;

/** Reads the invoice processes' variables for their listeners and delegates. */
final class InvoiceVariables {

    private InvoiceVariables() {
    }

    static Long invoiceId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_INVOICE_ID)).longValue();
    }
}

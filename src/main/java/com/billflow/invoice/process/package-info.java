/** The ProductionInvoiceProcess and CreditNoteProcess: ids, variables, and thin delegates onto the invoice services. */
package com.billflow.invoice.process;

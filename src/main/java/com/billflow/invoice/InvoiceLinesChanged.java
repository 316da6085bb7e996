package com.billflow.invoice;

/**
 * Published (synchronously, inside the service's transaction) when an invoice's lines or amounts
 * change while its process waits in a user task, so that the task's form shows the invoice as it is.
 *
 * @param invoiceId the invoice's database id
 */
public record InvoiceLinesChanged(Long invoiceId) {
}

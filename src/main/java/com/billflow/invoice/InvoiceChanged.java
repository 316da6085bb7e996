package com.billflow.invoice;

/**
 * Published (synchronously, inside the service's transaction, outside any process step) when
 * something a waiting invoice task shows changes without a status change, such as a new estimate
 * or WIP document; line changes publish {@link InvoiceLinesChanged}. Status changes need no event:
 * each one creates the next user task, whose form data is read afresh.
 *
 * @param invoiceId the invoice's database id
 */
public record InvoiceChanged(Long invoiceId) {
}

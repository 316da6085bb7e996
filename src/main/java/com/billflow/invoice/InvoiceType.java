package com.billflow.invoice;

public enum InvoiceType {
    PRODUCTION,
    CREDIT_NOTE,
    PROPOSAL
}

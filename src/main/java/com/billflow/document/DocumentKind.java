package com.billflow.document;

public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE,
    PROPOSAL,
    ESTIMATE,
    WIP
}

package com.billflow.payment;

/** What a payment settles: the owner id is an invoice id for the first, a surgical case id for the others. */
public enum PaymentSubject {
    /** A laboratory's production invoice, paid by the client. */
    LABORATORY_INVOICE,
    /** A surgical case's invoice, paid by the facility. */
    CASE_INVOICE,
    /** The sales rep's commission on a surgical case, paid to the rep. */
    CASE_COMMISSION
}

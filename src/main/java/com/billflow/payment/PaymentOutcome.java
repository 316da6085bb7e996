package com.billflow.payment;

/** What a payment did to what was open: left some of it open, or settled it. */
public enum PaymentOutcome {
    PARTIAL,
    FULL
}

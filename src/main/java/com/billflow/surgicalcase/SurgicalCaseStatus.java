package com.billflow.surgicalcase;

public enum SurgicalCaseStatus {
    /** Waiting for the hospital's purchase order number(s). */
    PENDING_PO,
    /** PO in ("Complete Event"): invoiced, waiting for invoice and commission payments. */
    PENDING_PAYMENT,
    /** Invoice and commission both paid. Final. */
    PAID,
    /** Withdrawn before it was invoiced. Final. */
    CANCELLED
}

package com.billflow.invoice;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

public enum InvoiceStatus {
    INITIAL, DRAFT, EDITED, RELEASED, AUTHORISED, TRANSMITTED, BOOKED, SENT,
    PAID, CREDITED, REJECTED, CANCELLED, MERGED, ACCEPTED;

    /**
     * The statuses in which a laboratory invoice or credit note is an issued document for accounting
     * (SPEC §6: from AUTHORISED on), so the only ones the CSV exports hold. RELEASED is still
     * unauthorised (it may be cancelled); CANCELLED, REJECTED and MERGED documents never count.
     */
    public static final Set<InvoiceStatus> EXPORTED = Collections.unmodifiableSet(EnumSet.of(AUTHORISED, TRANSMITTED, BOOKED, PAID, CREDITED));
}

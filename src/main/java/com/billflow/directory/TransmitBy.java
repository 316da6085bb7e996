package com.billflow.directory;

/** How a client wants its invoices: mailed by Billflow to its invoice contact, or sent by post or fax. */
public enum TransmitBy {
    EMAIL,
    MAIL,
    FAX
}

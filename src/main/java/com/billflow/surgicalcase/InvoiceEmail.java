package com.billflow.surgicalcase;

/**
 * The invoice mail as chosen in Send Invoice (or defaulted).
 *
 * @param to          one or more addresses, separated by commas or semicolons
 * @param allContacts also send to every billing contact of the facility ("All Emails")
 */
public record InvoiceEmail(String to, boolean allContacts, String replyTo, String subject, String body) {
}

package com.billflow.document.email;

import java.util.List;

/**
 * A mail to send.
 *
 * @param idempotencyKey names this mail for good, e.g. "case-invoice:42": a mail whose key was
 *                       already accepted by the SMTP server is never sent again
 */
public record OutgoingMail(
        String idempotencyKey,
        String from,
        List<String> to,
        String replyTo,
        String subject,
        String body,
        List<Attachment> attachments) {

    public record Attachment(String fileName, String mediaType, byte[] content) {
    }
}

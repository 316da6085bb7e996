package com.billflow.document.email;

import java.time.Instant;

/**
 * A recorded send.
 *
 * @param messageId the Message-ID header, derived from the mail's idempotency key
 * @param sentAt    when the server accepted it (or, unconfirmed, received all of it)
 * @param sentNow   true when this call sent it, false when an earlier attempt had
 * @param confirmed false when the server received the whole mail but its answer never came
 */
public record SentMail(String messageId, Instant sentAt, boolean sentNow, boolean confirmed) {
}

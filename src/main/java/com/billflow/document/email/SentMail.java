package com.billflow.document.email;

import java.time.Instant;

/** What the SMTP server accepted: the Message-ID and when. */
public record SentMail(String messageId, Instant sentAt, boolean sentNow) {
}

/** Sending mail with attachments, at most once per idempotency key, and the templates of its text. Plain Java, no Camunda. */
package com.billflow.document.email;

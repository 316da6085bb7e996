/** Sending mail with attachments, at most once per idempotency key. Plain Java, no Camunda. */
package com.billflow.document.email;

/** The embedded SMTP server of the no-set-up run and the /mailbox page that shows what it received. */
package com.billflow.mailbox;

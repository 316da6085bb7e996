/** Payments as records: date, amount in the document's currency, reference, what they left open; for laboratory invoices, case invoices and commissions. */
package com.billflow.payment;

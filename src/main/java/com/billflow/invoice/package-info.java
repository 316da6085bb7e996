/** Laboratory invoices: the status machine, lines and totals, numbering, documents, transmission and credit notes. */
package com.billflow.invoice;

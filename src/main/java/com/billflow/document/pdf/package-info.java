/** Invoice-like PDFs (invoices, credit notes, estimates) laid out with OpenPDF: plain Java, no Camunda. */
package com.billflow.document.pdf;

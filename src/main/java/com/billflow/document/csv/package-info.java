/** Accounting CSV exports (Xero, QuickBooks Online) streamed with Commons CSV: plain Java, no Camunda. */
package com.billflow.document.csv;

/** Accounting exports over a date range (Xero, QuickBooks Online). */
package com.billflow.export;

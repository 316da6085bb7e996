/** Surgical case billing: a rep's case from Pending PO to Paid, its invoice, PDF, mail and CSV. */
package com.billflow.surgicalcase;

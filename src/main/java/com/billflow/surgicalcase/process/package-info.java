/** The SurgicalCaseBillingProcess: its ids and variables, and thin delegates onto the case services. */
package com.billflow.surgicalcase.process;

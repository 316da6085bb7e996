/** Gap-free document numbers (case, invoice, credit note, proposal series) from patterns. */
package com.billflow.numbering;

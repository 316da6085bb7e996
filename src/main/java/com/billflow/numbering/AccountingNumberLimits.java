package com.billflow.numbering;

import com.billflow.common.InvalidInputException;

/**
 * The longest document number each accounting target imports, checked when a pattern is saved
 * so that a number never turns out too long at import. Every laboratory and case invoice may be
 * exported in either format, so a pattern must fit the strictest: Xero's sales-invoice import
 * takes an {@code *InvoiceNumber} of up to 255 characters, QuickBooks Online's invoice import an
 * {@code *InvoiceNo} of up to 21 (its API answers longer ones with error 2050, "Max:21"); numbers
 * are also stored in 40-character columns.
 */
public final class AccountingNumberLimits {

    public static final int XERO_INVOICE_NUMBER = 255;
    public static final int QUICKBOOKS_INVOICE_NO = 21;

    private AccountingNumberLimits() {
    }

    /**
     * Refuses (400, naming the target) a pattern whose longest number exceeds a
     * target's limit: QuickBooks Online's, the strictest (Xero's and the 40-character column are wider).
     */
    public static void check(NumberPattern pattern) {
        int longest = pattern.maxLength();
        if (longest > Math.min(QUICKBOOKS_INVOICE_NO, Math.min(XERO_INVOICE_NUMBER, NumberPattern.MAX_NUMBER_LENGTH))) {
            throw new InvalidInputException("Numbering pattern '" + pattern.pattern() + "' gives numbers of up to " + longest
                    + " characters, but QuickBooks Online imports an *InvoiceNo of at most " + QUICKBOOKS_INVOICE_NO
                    + " (Xero an *InvoiceNumber of " + XERO_INVOICE_NUMBER + "): shorten its text or its {SEQ:n}");
        }
    }
}

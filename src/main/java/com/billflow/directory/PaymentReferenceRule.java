package com.billflow.directory;

import java.math.BigInteger;
import java.util.Locale;

/**
 * What a laboratory asks its clients to quote with a payment, printed on every invoice.
 * <ul>
 *   <li>{@link #INVOICE_NUMBER} (default): the invoice number as it is, e.g. {@code ALPHA-INV-2026-00003};</li>
 *   <li>{@link #RF_CREDITOR_REFERENCE}: an ISO 11649 structured creditor reference made from the
 *       invoice number's letters and digits (its last 21 when longer), e.g. {@code RF..ALPHAINV202600003}:
 *       banks check its two check digits (ISO 7064 mod 97-10), so a mistyped reference is caught
 *       at the payer's bank.</li>
 * </ul>
 */
public enum PaymentReferenceRule {
    INVOICE_NUMBER,
    RF_CREDITOR_REFERENCE;

    /** The longest reference part an ISO 11649 reference carries after "RF" and its check digits. */
    static final int RF_MAX_BODY = 21;

    /** The reference to quote for {@code invoiceNumber}; null for a document without a number. */
    public String referenceFor(String invoiceNumber) {
        if (invoiceNumber == null) {
            return null;
        }
        return this == INVOICE_NUMBER ? invoiceNumber : creditorReference(invoiceNumber);
    }

    /** ISO 11649: "RF", two check digits making "body RF check" ≡ 1 (mod 97) with A=10 … Z=35, then the body. */
    static String creditorReference(String text) {
        String body = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no letter or digit to make a creditor reference from");
        }
        if (body.length() > RF_MAX_BODY) {
            body = body.substring(body.length() - RF_MAX_BODY);
        }
        int check = 98 - numeric(body + "RF00").mod(BigInteger.valueOf(97)).intValue();
        return "RF" + (check < 10 ? "0" : "") + check + body;
    }

    /** Whether {@code reference} is an ISO 11649 reference whose check digits are right. */
    static boolean isValidCreditorReference(String reference) {
        String compact = reference.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        return numeric(compact.substring(4) + compact.substring(0, 4)).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static BigInteger numeric(String alphanumeric) {
        StringBuilder digits = new StringBuilder();
        alphanumeric.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10)));
        return new BigInteger(digits.toString());
    }
}

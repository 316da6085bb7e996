package com.billflow.document.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything an EN 16931 invoice or credit note carries, already worked out by the domain; the writers only
 * put it into CII or UBL. Amounts are in {@link #currency}, positive on a credit note too (EN 16931 credits by
 * the document type, not by the sign), with at most two decimals (BR-DEC rules): the domain refuses documents
 * whose amounts need more before it makes one.
 *
 * @param creditNote      true: a credit note (UNTDID 1001 code 381), false: an invoice (380)
 * @param number          the document's number (BT-1)
 * @param issueDate       the date of issue (BT-2), also the date of supply (BT-72)
 * @param dueDate         when payment is due (BT-9); null on a credit note
 * @param buyerReference  the buyer's reference (BT-10), here the job number
 * @param credited        the invoice a credit note credits (BT-25, BT-26); null on an invoice
 * @param seller          the laboratory
 * @param buyer           the client
 * @param payment         how to pay (BT-81..86) and the payment terms text (BT-20)
 * @param vat             the document's one VAT category and rate
 * @param lines           the charged lines (samples/tests and costs), at least one
 * @param adjustments     document-level allowances (discounts, rebates) and charges (surcharges)
 * @param totals          the totals, as the domain worked them out
 */
public record ElectronicInvoice(
        boolean creditNote,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        Currency currency,
        String buyerReference,
        PrecedingInvoice credited,
        Party seller,
        Party buyer,
        Payment payment,
        Vat vat,
        List<Line> lines,
        List<Adjustment> adjustments,
        Totals totals) {

    public ElectronicInvoice {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
    }

    /** The invoice a credit note credits: its number and date of issue. */
    public record PrecedingInvoice(String number, LocalDate issueDate) {
    }

    /**
     * A trading party.
     *
     * @param countryCode  ISO 3166-1 alpha-2 (BT-40, BT-55)
     * @param vatId        the VAT identifier with its country prefix (BT-31, BT-48); null when it has none
     * @param endpoint     the Peppol participant id (BT-34, BT-49)
     * @param email        the seller's contact mailbox (BT-43), or null
     * @param phone        the seller's contact telephone (BT-42), or null
     */
    public record Party(String name, String line1, String line2, String city, String region, String postalCode,
                        String countryCode, String vatId, ParticipantId endpoint, String email, String phone) {
    }

    /** A Peppol participant id: the EAS scheme (e.g. {@code 9930} German VAT, {@code 0088} GLN) and the value. */
    public record ParticipantId(String scheme, String value) {

        /** As Peppol writes it: {@code 9930:DE123456789}. */
        @Override
        public String toString() {
            return scheme + ":" + value;
        }
    }

    /**
     * Where and how to pay.
     *
     * @param iban          the seller's IBAN (SEPA credit transfer, UNTDID 4461 code 58); null for a domestic account
     * @param bic           its BIC, or null
     * @param accountNumber the domestic account number (credit transfer, code 30) when there is no IBAN
     * @param bankCode      the domestic bank code, or null
     * @param accountName   the account holder (BT-85)
     * @param reference     the remittance information the payer quotes (BT-83); null on a credit note
     * @param terms         the payment terms as text (BT-20)
     */
    public record Payment(String iban, String bic, String accountNumber, String bankCode, String accountName,
                          String reference, String terms) {

        public boolean hasAccount() {
            return iban != null || accountNumber != null;
        }
    }

    /**
     * The document's VAT: one category (UNCL 5305: S, Z, E, AE, K, G, O) and rate for every line and
     * adjustment, since Billflow charges each tax on the whole net.
     *
     * @param ratePercent      19 for 19 %; 0 for the categories without tax
     * @param exemptionReason  text for E, AE, K, G and O (BT-120), else null
     * @param exemptionCode    VATEX code (BT-121), or null
     */
    public record Vat(String category, BigDecimal ratePercent, String exemptionReason, String exemptionCode) {

        /** Category O (outside the scope of VAT) names no rate, every other category does (BR-O-05). */
        public boolean hasRate() {
            return !"O".equals(category);
        }
    }

    /**
     * One charged line: quantity of {@code unitCode} (UN/ECE Recommendation 20, e.g. {@code C62} one) at the net
     * unit price, and its net amount.
     */
    public record Line(String id, String name, BigDecimal quantity, String unitCode, BigDecimal unitPrice, BigDecimal netAmount) {
    }

    /**
     * A document-level allowance ({@code charge} false: discount, rebate) or charge (true: surcharge), with the
     * percent it is of {@code baseAmount} when that is exact to the cent (else null: the amount alone is valid).
     */
    public record Adjustment(boolean charge, String reason, BigDecimal amount, BigDecimal percent, BigDecimal baseAmount) {
    }

    /**
     * The totals (BG-22): Σ line net amounts, Σ allowances, Σ charges, the net (tax basis), the VAT, and the
     * total with VAT, which is also the amount due (nothing is prepaid or rounded).
     */
    public record Totals(BigDecimal lineTotal, BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal taxBasis,
                         BigDecimal taxTotal, BigDecimal grandTotal) {
    }
}

package com.billflow.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ISO 11649 creditor references made from invoice numbers, checked against the standard's own example. */
class PaymentReferenceRuleTest {

    @Test
    void theStandardsExampleGetsItsCheckDigits() {
        assertThat(PaymentReferenceRule.creditorReference("5390 0754 7034")).isEqualTo("RF18539007547034");
        assertThat(PaymentReferenceRule.isValidCreditorReference("RF18 5390 0754 7034")).isTrue();
        assertThat(PaymentReferenceRule.isValidCreditorReference("RF19 5390 0754 7034")).isFalse();
    }

    @Test
    void anInvoiceNumberBecomesAValidReferenceOfAtMost25Characters() {
        String reference = PaymentReferenceRule.RF_CREDITOR_REFERENCE.referenceFor("ALPHA-INV-2026-00003");
        assertThat(reference).startsWith("RF").endsWith("ALPHAINV202600003");
        assertThat(PaymentReferenceRule.isValidCreditorReference(reference)).isTrue();

        String longOne = PaymentReferenceRule.RF_CREDITOR_REFERENCE.referenceFor("LABORATORY-WITH-LONG-CODE-INV-2026-000001");
        assertThat(longOne).hasSize(25).endsWith("2026000001");
        assertThat(PaymentReferenceRule.isValidCreditorReference(longOne)).isTrue();
    }

    @Test
    void theInvoiceNumberRuleQuotesTheNumberAsItIs() {
        assertThat(PaymentReferenceRule.INVOICE_NUMBER.referenceFor("ALPHA-INV-2026-00003")).isEqualTo("ALPHA-INV-2026-00003");
        assertThat(PaymentReferenceRule.INVOICE_NUMBER.referenceFor(null)).isNull();
    }
}

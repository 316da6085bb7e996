package com.billflow.invoice;

import com.billflow.common.IllegalStatusException;
import com.billflow.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines, amounts and the aggregate's refusals. */
class InvoiceTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void percentLinesApplyToSamplesAndCostsAndEveryLineIsRoundedOnce() {
        // given
        Invoice invoice = newInvoice();

        // when
        invoice.addLine(LineKind.SAMPLE_TEST, "Water analysis", new BigDecimal("3"), new BigDecimal("33.33"), null);
        invoice.addLine(LineKind.COST, "Courier", new BigDecimal("1"), new BigDecimal("12.50"), null);
        invoice.addLine(LineKind.SURCHARGE, "Express", null, null, new BigDecimal("10"));
        invoice.addLine(LineKind.DISCOUNT, "Loyalty", null, null, new BigDecimal("2.5"));
        invoice.addLine(LineKind.REBATE, "Volume", null, null, new BigDecimal("1"));
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("19"));

        // then base 99.99 + 12.50 = 112.49; +11.25 -2.81 -1.12 = net 119.81; tax 19 % of the net 22.76
        assertThat(invoice.getLines()).extracting(l -> l.amount(EUR).amount().toPlainString())
                .containsExactly("99.99", "12.50", "11.25", "-2.81", "-1.12", "22.76");
        assertThat(invoice.subtotal().isEqualTo(Money.of("119.81", "EUR"))).isTrue();
        assertThat(invoice.taxTotal().isEqualTo(Money.of("22.76", "EUR"))).isTrue();
        assertThat(invoice.total().isEqualTo(Money.of("142.57", "EUR"))).isTrue();
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.INITIAL);
    }

    @Test
    void taxIsChargedOnTheNetAfterTheDiscount() {
        // given 16 x 348.35 with a 4 % discount and 22 % tax
        Invoice invoice = newInvoice();

        // when
        invoice.addLine(LineKind.SAMPLE_TEST, "Soil", new BigDecimal("16"), new BigDecimal("348.35"), null);
        invoice.addLine(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("4"));
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("22"));

        // then 5573.60 - 222.94 = 5350.66; 22 % of it 1177.15 (not 22 % of 5573.60 = 1226.19)
        assertThat(invoice.getLines()).extracting(l -> l.amount(EUR).amount().toPlainString())
                .containsExactly("5573.60", "-222.94", "1177.15");
        assertThat(invoice.subtotal().isEqualTo(Money.of("5350.66", "EUR"))).isTrue();
        assertThat(invoice.taxTotal().isEqualTo(Money.of("1177.15", "EUR"))).isTrue();
        assertThat(invoice.total().isEqualTo(Money.of("6527.81", "EUR"))).isTrue();
    }

    @Test
    void aFullDiscountLeavesNothingToPay() {
        Invoice invoice = newInvoice();
        invoice.addLine(LineKind.SAMPLE_TEST, "Water", new BigDecimal("2.25"), new BigDecimal("64.22"), null);
        invoice.addLine(LineKind.DISCOUNT, "Goodwill", null, null, new BigDecimal("100"));

        assertThat(invoice.getLines()).extracting(l -> l.amount(EUR).amount().toPlainString()).containsExactly("144.50", "-144.50");
        assertThat(invoice.total().isEqualTo(Money.of("0.00", "EUR"))).isTrue();
    }

    @Test
    void taxOfTwoLinesIsRoundedOnce() {
        Invoice invoice = newInvoice();
        invoice.addLine(LineKind.SAMPLE_TEST, "A", BigDecimal.ONE, new BigDecimal("55.55"), null);
        invoice.addLine(LineKind.COST, "B", BigDecimal.ONE, new BigDecimal("11.11"), null);
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("23"));

        // 23 % of 66.66 = 15.3318
        assertThat(invoice.taxTotal().isEqualTo(Money.of("15.33", "EUR"))).isTrue();
        assertThat(invoice.total().isEqualTo(Money.of("81.99", "EUR"))).isTrue();
    }

    @Test
    void aCreditNoteReversesTheAmountsOfTheNetTaxRule() {
        Invoice invoice = newInvoice();
        invoice.addLine(LineKind.SAMPLE_TEST, "Soil", new BigDecimal("16"), new BigDecimal("348.35"), null);
        invoice.addLine(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("4"));
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("22"));

        Invoice creditNote = invoice.creditNote(Instant.now());

        assertThat(creditNote.getLines()).extracting(l -> l.amount(EUR).amount().toPlainString())
                .containsExactly("-5573.60", "222.94", "-1177.15");
        assertThat(creditNote.subtotal().isEqualTo(Money.of("-5350.66", "EUR"))).isTrue();
        assertThat(creditNote.taxTotal().isEqualTo(Money.of("-1177.15", "EUR"))).isTrue();
        assertThat(creditNote.total().isEqualTo(Money.of("-6527.81", "EUR"))).isTrue();
    }

    @Test
    void editingADraftMakesItEditedAndAReleasedInvoiceCannotChange() {
        Invoice invoice = newInvoice();
        invoice.addLine(LineKind.SAMPLE_TEST, "Soil", BigDecimal.ONE, new BigDecimal("10.00"), null);
        invoice.move(InvoiceAction.DRAFT);
        invoice.addLine(LineKind.COST, "Courier", BigDecimal.ONE, new BigDecimal("5.00"), null);
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.EDITED);
        invoice.release("LAB-1", LocalDate.of(2026, 1, 10));
        assertThat(invoice.getDueDate()).isEqualTo(LocalDate.of(2026, 2, 9));

        assertThatThrownBy(() -> invoice.addLine(LineKind.COST, "More", BigDecimal.ONE, BigDecimal.ONE, null))
                .isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("is RELEASED").hasMessageContaining("Allowed actions: authorise, cancel");
        assertThat(invoice.total().isEqualTo(Money.of("15.00", "EUR"))).isTrue();
    }

    @Test
    void aCreditNoteReversesEveryAmount() {
        Invoice invoice = newInvoice();
        invoice.addLine(LineKind.SAMPLE_TEST, "Soil", new BigDecimal("2"), new BigDecimal("10.00"), null);
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("20"));

        Invoice creditNote = invoice.creditNote(Instant.now());

        assertThat(creditNote.getType()).isEqualTo(InvoiceType.CREDIT_NOTE);
        assertThat(creditNote.getStatus()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(creditNote.getLines()).extracting(l -> l.amount(EUR).amount().toPlainString()).containsExactly("-20.00", "-4.00");
        assertThat(creditNote.total().isEqualTo(invoice.total().negate())).isTrue();
        assertThatThrownBy(() -> creditNote.addLine(LineKind.COST, "x", BigDecimal.ONE, BigDecimal.ONE, null))
                .isInstanceOf(IllegalStatusException.class);
    }

    @Test
    void mergingChargesAPercentItemOnceOnTheWholeBase() {
        Invoice target = newInvoice();
        target.addLine(LineKind.SAMPLE_TEST, "A", BigDecimal.ONE, new BigDecimal("100.00"), null);
        target.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("19"));
        Invoice other = newInvoice();
        other.addLine(LineKind.SAMPLE_TEST, "B", BigDecimal.ONE, new BigDecimal("50.00"), null);
        other.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("19"));
        other.addLine(LineKind.SURCHARGE, "Express", null, null, new BigDecimal("10"));

        target.mergeIn(List.of(other));

        // base 150.00, surcharge 15.00, VAT 19 % of the net 165.00
        assertThat(target.getLines()).extracting(InvoiceLine::getDescription).containsExactly("A", "VAT", "B", "Express");
        assertThat(target.taxTotal().isEqualTo(Money.of("31.35", "EUR"))).isTrue();
        assertThat(target.total().isEqualTo(Money.of("196.35", "EUR"))).isTrue();
    }

    @Test
    void mergingTakesTheOthersLines() {
        Invoice target = newInvoice();
        target.addLine(LineKind.SAMPLE_TEST, "A", BigDecimal.ONE, new BigDecimal("1.00"), null);
        Invoice other = newInvoice();
        other.addLine(LineKind.SAMPLE_TEST, "B", BigDecimal.ONE, new BigDecimal("2.00"), null);

        target.mergeIn(List.of(other));
        other.mergedInto(target);

        assertThat(target.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(target.getLines()).extracting(InvoiceLine::getDescription).containsExactly("A", "B");
        assertThat(other.getStatus()).isEqualTo(InvoiceStatus.MERGED);
        assertThat(target.total().isEqualTo(Money.of("3.00", "EUR"))).isTrue();
        assertThatThrownBy(() -> other.mergedInto(target)).isInstanceOf(IllegalStatusException.class).hasMessageContaining("MERGED");
    }

    @Test
    void anInvoiceWithoutLinesCannotBeReleasedAndIsNotOfferedRelease() {
        // given an empty draft
        Invoice invoice = newInvoice();
        invoice.move(InvoiceAction.DRAFT);

        // then release is not offered, and asking for it says why and numbers nothing
        assertThat(invoice.allowedActions()).containsExactly("reprice", "cancel");
        assertThat(invoice.allows(InvoiceAction.RELEASE)).isFalse();
        assertThatThrownBy(() -> invoice.release("LAB-1", LocalDate.of(2026, 1, 10)))
                .isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("is DRAFT and cannot be released: it has no lines");
        assertThat(invoice.getNumber()).isNull();
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.DRAFT);

        // and a tax line alone charges nothing either
        invoice.addLine(LineKind.TAX, "VAT", null, null, new BigDecimal("20"));
        assertThatThrownBy(() -> invoice.move(InvoiceAction.RELEASE)).hasMessageContaining("no sample/test or cost line");
    }

    @Test
    void aSixtyPercentDiscountPlusASixtyPercentRebateMakesANegativeInvoiceThatCannotBeReleased() {
        for (InvoiceType type : List.of(InvoiceType.PRODUCTION, InvoiceType.PROPOSAL)) {
            // given 100.00 with a 60 % discount and a 60 % rebate
            Invoice invoice = new Invoice(type, InvoiceStatus.INITIAL, "LAB", "CL", "JOB-1", EUR, 30, Instant.now());
            invoice.addLine(LineKind.SAMPLE_TEST, "Soil", BigDecimal.ONE, new BigDecimal("100.00"), null);
            invoice.addLine(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("60"));
            invoice.addLine(LineKind.REBATE, "Volume", null, null, new BigDecimal("60"));
            invoice.move(InvoiceAction.DRAFT);

            // then
            assertThat(invoice.total().isEqualTo(Money.of("-20.00", "EUR"))).isTrue();
            assertThat(invoice.allowedActions()).as(type.name()).doesNotContain("release");
            assertThatThrownBy(() -> invoice.release("LAB-1", LocalDate.of(2026, 1, 10)))
                    .isInstanceOf(IllegalStatusException.class)
                    .hasMessageContaining("cannot be released: its total -20.00 EUR is negative");
            assertThat(invoice.getNumber()).isNull();

            // and with a 40 % rebate instead, the 0.00 invoice may be released
            Invoice zero = new Invoice(type, InvoiceStatus.INITIAL, "LAB", "CL", "JOB-2", EUR, 30, Instant.now());
            zero.addLine(LineKind.SAMPLE_TEST, "Soil", BigDecimal.ONE, new BigDecimal("100.00"), null);
            zero.addLine(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("60"));
            zero.addLine(LineKind.REBATE, "Volume", null, null, new BigDecimal("40"));
            zero.move(InvoiceAction.DRAFT);
            assertThat(zero.total().isEqualTo(Money.of("0.00", "EUR"))).isTrue();
            assertThat(zero.allowedActions()).contains("release");
            zero.release("LAB-2", LocalDate.of(2026, 1, 10));
            assertThat(zero.getStatus()).isEqualTo(InvoiceStatus.RELEASED);
        }
    }

    private static Invoice newInvoice() {
        return new Invoice(InvoiceType.PRODUCTION, InvoiceStatus.INITIAL, "LAB", "CL", "JOB-1", EUR, 30, Instant.now());
    }
}

package com.billflow.document.einvoice;

import com.billflow.document.einvoice.ElectronicInvoice.Adjustment;
import com.billflow.document.einvoice.ElectronicInvoice.Line;
import com.billflow.document.einvoice.ElectronicInvoice.ParticipantId;
import com.billflow.document.einvoice.ElectronicInvoice.Party;
import com.billflow.document.einvoice.ElectronicInvoice.Payment;
import com.billflow.document.einvoice.ElectronicInvoice.Totals;
import com.billflow.document.einvoice.ElectronicInvoice.Vat;
import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.document.pdf.InvoicePdfRenderer;
import com.billflow.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The writers alone, on a hand-made document: what they write passes the official rules. */
class ElectronicInvoiceWritersTest {

    static final Party SELLER = new Party("Alpha Analytical Laboratory", "Hansaring 61", null, "Köln", null, "50670", "DE",
            "DE123456789", new ParticipantId("9930", "DE123456789"), "invoices@alpha.example", "+49 221 123456");
    static final Party BUYER = new Party("Rheinwasser Versorgung GmbH", "Uferstraße 12", "Kreditoren", "Köln", null, "50668", "DE",
            "DE811128135", new ParticipantId("0088", "4012345000009"), "ap@rheinwasser.example", null);

    static ElectronicInvoice sample(boolean creditNote) {
        // 3 x 100.00 + 1 x 50.00 = 350.00; surcharge 10 % = 35.00; discount 5 % = 17.50; net 367.50; VAT 19 % = 69.83
        return new ElectronicInvoice(creditNote, creditNote ? "ALPHA-CN-2026-00001" : "ALPHA-INV-2026-00001", LocalDate.of(2026, 11, 20),
                creditNote ? null : LocalDate.of(2026, 12, 20), Currency.getInstance("EUR"), "J-1",
                creditNote ? new ElectronicInvoice.PrecedingInvoice("ALPHA-INV-2026-00001", LocalDate.of(2026, 11, 1)) : null,
                SELLER, BUYER,
                new Payment("DE89370400440532013000", "COBADEFFXXX", null, null, "Alpha GmbH", creditNote ? null : "ALPHA-INV-2026-00001",
                        creditNote ? "Credited to your account; nothing is to be paid" : "Payable within 30 days"),
                new Vat("S", new BigDecimal("19"), null, null),
                List.of(new Line("1", "Soil analysis", new BigDecimal("3"), "C62", new BigDecimal("100.00"), new BigDecimal("300.00")),
                        new Line("2", "Courier", new BigDecimal("1"), "C62", new BigDecimal("50.00"), new BigDecimal("50.00"))),
                List.of(new Adjustment(true, "Express", new BigDecimal("35.00"), new BigDecimal("10"), new BigDecimal("350.00")),
                        new Adjustment(false, "Framework discount", new BigDecimal("17.50"), new BigDecimal("5"), new BigDecimal("350.00"))),
                new Totals(new BigDecimal("350.00"), new BigDecimal("17.50"), new BigDecimal("35.00"), new BigDecimal("367.50"),
                        new BigDecimal("69.83"), new BigDecimal("437.33")));
    }

    @Test
    void invoiceIsValidUblAndCii() {
        ElectronicInvoice invoice = sample(false);
        byte[] ubl = UblInvoiceWriter.xml(invoice);
        assertThat(EInvoiceValidators.ublErrors(ubl, false)).isEmpty();
        assertThat(EInvoiceValidators.ciiErrors(CiiInvoiceWriter.xml(invoice))).isEmpty();
    }

    @Test
    void facturXIsPdfA3WithValidXml() {
        Money total = Money.of("437.33", "EUR");
        byte[] pdf = new InvoicePdfRenderer().render(new InvoiceDocument("INVOICE", "ALPHA-INV-2026-00001", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 20), new InvoiceDocument.Party("Alpha", List.of("Hansaring 61", "50670 Köln"), List.of()),
                new InvoiceDocument.Party("Alpha", List.of("IBAN"), List.of()), new InvoiceDocument.Party("Rheinwasser", List.of("Köln"), List.of()),
                List.of(), List.of(new InvoiceDocument.Line(null, null, null, "Soil analysis", new BigDecimal("3"), Money.of("100.00", "EUR"),
                Money.of("300.00", "EUR"))), List.of(), total, List.of("Please pay")));
        byte[] facturX = FacturXWriter.pdf(pdf, CiiInvoiceWriter.xml(sample(false)), "Alpha");
        assertThat(EInvoiceValidators.facturXErrors(facturX)).isEmpty();
    }

    @Test
    void creditNoteIsValidUblAndCii() {
        ElectronicInvoice creditNote = sample(true);
        assertThat(EInvoiceValidators.ublErrors(UblInvoiceWriter.xml(creditNote), true)).isEmpty();
        assertThat(EInvoiceValidators.ciiErrors(CiiInvoiceWriter.xml(creditNote))).isEmpty();
    }
}

package com.billflow.benchmark;

import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.document.pdf.InvoiceDocument.Line;
import com.billflow.document.pdf.InvoiceDocument.Party;
import com.billflow.document.pdf.InvoiceDocument.Reference;
import com.billflow.document.pdf.InvoiceDocument.SummaryRow;
import com.billflow.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents both sides of a benchmark write: a surgical case invoice of any number of lines
 * (three manufacturers, one Czech and one Japanese, part and lot numbers, every seventh description
 * long enough to wrap, a Greek and a Cyrillic description now and then), and accounting invoices of
 * four lines each for the CSV export (commas, quotes and a formula-like description among them).
 * Deterministic: the same call gives the same document.
 */
final class BenchmarkInvoices {

    private static final String[] MANUFACTURERS = {"Acme Ortho", "Čech Medical s.r.o.", "東京メディカル株式会社"};
    private static final String[] DESCRIPTIONS = {
            "Titanium locking plate, 8-hole",
            "Cortical screw 3.5 mm x 24 mm, self-tapping",
            "Persona knee femoral component, cemented, size 7, left",
            "Śruba korowa Ø 3,5 mm",
            "Αποστειρωμένο σετ εργαλείων",
            "Хирургический набор, стерильный",
            "Bone cement 40 g with gentamicin"};

    private BenchmarkInvoices() {
    }

    /** An invoice of {@code lineCount} lines in USD, with a Polish bill-to and a Japanese reference. */
    static InvoiceDocument surgicalCaseInvoice(int lineCount) {
        List<Line> lines = new ArrayList<>();
        Money subtotal = usd("0.00");
        for (int i = 1; i <= lineCount; i++) {
            String manufacturer = MANUFACTURERS[i % MANUFACTURERS.length];
            String description = DESCRIPTIONS[i % DESCRIPTIONS.length]
                    + (i % 7 == 0 ? ", repeated after calibration drift on the analyser; results reconciled"
                            + " against the reference standard and signed off by QA" : "");
            Money unitPrice = usd(BigDecimal.valueOf(1000 + i * 137L, 2).toPlainString());
            BigDecimal quantity = BigDecimal.valueOf(1 + i % 6);
            Money amount = unitPrice.times(quantity);
            subtotal = subtotal.plus(amount);
            lines.add(new Line(manufacturer, "PN-" + (4400 + i) + "-0" + (i % 9), "LOT " + (23000 + i * 7) + "A",
                    description, quantity, unitPrice, amount));
        }
        Party seller = new Party("Meridian Surgical Supply LLC",
                List.of("1200 Commerce Park Dr, Suite 300", "Austin, TX 78701"),
                List.of("billing@meridiansurgical.example", "+1 512 555 0142"), "US 74-1234567");
        Party remitTo = new Party("Meridian Surgical Supply - Lockbox",
                List.of("PO Box 77412", "Dallas, TX 75277"), List.of("ACH routing 111000025, account 0012345678"));
        Party billTo = new Party("Szpital Miejski Łódź",
                List.of("Dział Zamówień", "ul. Żeromskiego 113", "90-549 Łódź, Polska"),
                List.of("zamowienia@szpital-lodz.example"));
        Money discount = usd("-25.00");
        return new InvoiceDocument("INVOICE", "INV-2026-00042",
                LocalDate.of(2026, 3, 14), LocalDate.of(2026, 4, 13),
                seller, remitTo, billTo,
                List.of(new Reference("PO (Acme Ortho)", "PO-88231"),
                        new Reference("PO (Čech Medical s.r.o.)", "ZAM/2026/Ł-17"),
                        new Reference("PO (東京メディカル株式会社)", "東京-4471"),
                        new Reference("Surgeon", "dr Paweł Świątek"),
                        new Reference("Procedure date", "2026-03-11"),
                        new Reference("Patient ref", "PT-7F3A")),
                lines,
                List.of(new SummaryRow("Subtotal", subtotal), new SummaryRow("Discount", discount)),
                subtotal.plus(discount),
                List.of("Payment terms: Net 30. Please quote the invoice number with your payment.",
                        "Questions about this invoice: billing@meridiansurgical.example"));
    }

    /** {@code invoiceCount} invoices of four lines each (so 4 × invoiceCount CSV rows). */
    static List<AccountingInvoice> accountingInvoices(int invoiceCount) {
        List<AccountingInvoice> invoices = new ArrayList<>(invoiceCount);
        for (int i = 1; i <= invoiceCount; i++) {
            List<AccountingInvoice.Line> lines = new ArrayList<>(4);
            for (int j = 1; j <= 4; j++) {
                BigDecimal quantity = BigDecimal.valueOf(j);
                BigDecimal unit = BigDecimal.valueOf(1000 + i * 13L + j, 2);
                BigDecimal amount = unit.multiply(quantity);
                String description = switch (j) {
                    case 1 -> "Titanium locking plate, 8-hole";
                    case 2 -> "Cortical screw 3.5 mm \"self-tapping\"";
                    case 3 -> i % 50 == 0 ? "=HYPERLINK(\"http://x.example\")" : "Śruba korowa Ø 3,5 mm";
                    default -> "Discount";
                };
                BigDecimal tax = j == 4 ? null : amount.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
                lines.add(new AccountingInvoice.Line("PN-" + (4400 + j), description, quantity, unit,
                        j == 4 ? amount.negate() : amount, tax, tax == null ? null : "20% (VAT on Income)",
                        tax == null ? null : "20.0% S"));
            }
            invoices.add(new AccountingInvoice(Kind.INVOICE, "INV-2026-" + String.format("%06d", i),
                    i % 3 == 0 ? "Szpital Miejski Łódź" : "St. Luke's Regional Medical Center, Austin",
                    "ap@stlukes.example.org",
                    List.of("Accounts Payable", "4500 Medical Pkwy"), "Austin", "TX", "78756", "US",
                    "Acme: PO-" + i + "; Zimmer: PO-" + (i + 7),
                    LocalDate.of(2026, 1, 1).plusDays(i % 300), LocalDate.of(2026, 1, 31).plusDays(i % 300),
                    "Net 30", "USD", lines));
        }
        return invoices;
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}

package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.Line;
import com.billflow.document.pdf.InvoiceDocument.Party;
import com.billflow.document.pdf.InvoiceDocument.Reference;
import com.billflow.document.pdf.InvoiceDocument.SummaryRow;
import com.billflow.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic documents for the renderer tests: what the invoice services will hand over. */
final class SampleInvoiceDocuments {

    static final Party SELLER = new Party("Meridian Surgical Supply LLC",
            List.of("1200 Commerce Park Dr, Suite 300", "Austin, TX 78701"),
            List.of("billing@meridiansurgical.example", "+1 512 555 0142"));
    static final Party REMIT_TO = new Party("Meridian Surgical Supply - Lockbox",
            List.of("PO Box 77412", "Dallas, TX 75277"),
            List.of("ACH routing 111000025, account 0012345678"));
    static final Party BILL_TO = new Party("St. Luke's Regional Medical Center",
            List.of("Accounts Payable", "4500 Medical Pkwy", "Austin, TX 78756"),
            List.of("ap@stlukes.example.org"));

    private SampleInvoiceDocuments() {
    }

    /** A surgical case: two manufacturers, each with its own PO, lots and a serial number. */
    static InvoiceDocument surgicalCaseInvoice() {
        List<Line> lines = List.of(
                line("Acme Ortho", "AO-4471", "LOT 23A991", "Titanium locking plate, 8-hole", "1", "1234.50"),
                line("Acme Ortho", "AO-2210", "LOT 23B114",
                        "Cortical screw 3.5 mm x 24 mm, self-tapping", "6", "48.75"),
                line("Zimmer Biomet", "ZB-00-5521-034", "SN ZB7781123",
                        "Persona knee femoral component, cemented, size 7, left", "1", "3890.00"),
                line("Zimmer Biomet", "ZB-42-1180", "LOT 9921X", "Bone cement 40 g with gentamicin", "2", "185.25"));
        return new InvoiceDocument("INVOICE", "INV-2025-00042",
                LocalDate.of(2025, 3, 14), LocalDate.of(2025, 4, 13),
                SELLER, REMIT_TO, BILL_TO,
                List.of(new Reference("PO (Acme Ortho)", "PO-88231"),
                        new Reference("PO (Zimmer Biomet)", "4500129931"),
                        new Reference("Surgeon", "Dr. Elena Ruiz"),
                        new Reference("Procedure date", "2025-03-11"),
                        new Reference("Patient ref", "PT-7F3A"),
                        new Reference("Facility", "St. Luke's OR 4")),
                lines,
                List.of(new SummaryRow("Subtotal", usd("5787.50")),
                        new SummaryRow("Discount 5% (Zimmer Biomet)", usd("-213.03")),
                        new SummaryRow("Rush delivery surcharge", usd("45.00")),
                        new SummaryRow("Sales tax (exempt)", usd("0.00"))),
                usd("5619.47"),
                List.of("Payment terms: Net 30. Please quote the invoice number with your payment.",
                        "Questions about this invoice: billing@meridiansurgical.example"));
    }

    /** A laboratory production invoice: no manufacturer, no lot/serial, many lines. */
    static InvoiceDocument productionInvoice(int lineCount) {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= lineCount; i++) {
            String description = "Line " + i + " assay run on sample batch B-" + (1000 + i)
                    + (i % 7 == 0 ? ", repeated after calibration drift on the analyser; results"
                            + " reconciled against the reference standard and signed off by QA" : "");
            lines.add(line(null, "SVC-" + i, null, description, "2", "12.40"));
        }
        Money subtotal = usd("24.80").times(BigDecimal.valueOf(lineCount));
        return new InvoiceDocument("INVOICE", "LAB-2025-0107",
                LocalDate.of(2025, 5, 2), LocalDate.of(2025, 6, 1),
                SELLER, REMIT_TO, BILL_TO,
                List.of(new Reference("Job", "JOB-5531")),
                lines,
                List.of(new SummaryRow("Subtotal", subtotal)),
                subtotal,
                List.of());
    }

    /**
     * A surgical case billed across borders: Greek seller, Polish hospital, Czech manufacturer,
     * Cyrillic, Japanese and Korean references, so every script the fonts cover is on the page.
     */
    static InvoiceDocument multilingualSurgicalCaseInvoice() {
        Party seller = new Party("Ιατρικά Είδη Α.Ε.",
                List.of("Λεωφόρος Κηφισίας 44", "151 25 Μαρούσι, Ελλάδα"),
                List.of("billing@iatrika.example"));
        Party remitTo = new Party("Ιατρικά Είδη Α.Ε. - Τράπεζα Πειραιώς",
                List.of("IBAN GR16 0110 1250 0000 0001 2300 695"), List.of());
        Party billTo = new Party("Szpital Miejski Łódź",
                List.of("Dział Zamówień", "ul. Żeromskiego 113", "90-549 Łódź, Polska"),
                List.of("zamowienia@szpital-lodz.example"));
        List<Line> lines = List.of(
                line("Čech Medical s.r.o.", "CM-3.5-24", "LOT Ř-2291", "Śruba korowa Ø 3,5 mm", "6", "48.75"),
                line("Čech Medical s.r.o.", "CM-PL-08", "SN ČM-77811", "Płytka blokująca, 8 otworów", "1", "1234.50"),
                line("Ιατρικά Είδη Α.Ε.", "IE-100", null, "Αποστειρωμένο σετ εργαλείων", "1", "210.00"));
        return new InvoiceDocument("INVOICE", "INV-2025-00077",
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1),
                seller, remitTo, billTo,
                List.of(new Reference("PO (Čech Medical s.r.o.)", "ZAM/2025/Ł-17"),
                        new Reference("Surgeon", "dr Paweł Świątek"),
                        new Reference("Referring hospital", "Хирургическая больница №1"),
                        new Reference("Proctoring hospital", "東京医科大学病院"),
                        new Reference("Registry partner", "서울대학교병원")),
                lines,
                List.of(new SummaryRow("Subtotal", usd("1737.00")),
                        new SummaryRow("Rabat 5% (Čech Medical s.r.o.)", usd("-76.35"))),
                usd("1660.65"),
                List.of("Warunki płatności: 30 dni. Ευχαριστούμε για την προτίμηση."));
    }

    /** A laboratory's credit note: Korean laboratory, Japanese client, Cyrillic line text; no manufacturer or lot. */
    static InvoiceDocument laboratoryCreditNote() {
        Party laboratory = new Party("서울대학교병원", List.of(), List.of("lab@snuh.example"));
        Party client = new Party("東京医科大学病院",
                List.of("東京都新宿区西新宿6-7-1", "160-0023"), List.of("keiri@tokyo-med.example"));
        List<Line> lines = List.of(
                line(null, null, null, "Анализ крови — Хирургическая больница №1", "-2", "40.00"),
                line(null, null, null, "検体の再検査 (재검사)", "-1", "25.00"));
        return new InvoiceDocument("CREDIT NOTE", "CN-2025-0003",
                LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 10),
                laboratory, laboratory, client,
                List.of(new Reference("Job", "JOB-5531"),
                        new Reference("Laboratory", "서울대학교병원"),
                        new Reference("Credits invoice", "LAB-2025-0107")),
                lines,
                List.of(new SummaryRow("Subtotal", usd("-105.00"))),
                usd("-105.00"),
                List.of("Payment terms: 2025-07-10. Please quote CN-2025-0003 with your payment."));
    }

    static Line line(String manufacturer, String part, String lot, String description, String quantity, String unit) {
        Money unitPrice = usd(unit);
        BigDecimal qty = new BigDecimal(quantity);
        return new Line(manufacturer, part, lot, description, qty, unitPrice, unitPrice.times(qty));
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}

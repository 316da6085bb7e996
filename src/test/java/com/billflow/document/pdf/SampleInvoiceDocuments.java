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

    static Line line(String manufacturer, String part, String lot, String description, String quantity, String unit) {
        Money unitPrice = usd(unit);
        BigDecimal qty = new BigDecimal(quantity);
        return new Line(manufacturer, part, lot, description, qty, unitPrice, unitPrice.times(qty));
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}

package com.billflow.document.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static com.billflow.document.pdf.SampleInvoiceDocuments.line;
import static com.billflow.document.pdf.SampleInvoiceDocuments.surgicalCaseInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InvoicePdfRendererTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

    @Test
    void surgicalCaseInvoiceShowsPartiesReferencesLinesAndTotalsWithoutCurrencySymbols() throws IOException {
        // given
        InvoiceDocument invoice = surgicalCaseInvoice();

        // when
        byte[] pdf = renderer.render(invoice);

        // then
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = textOf(pdf);
        assertThat(text).contains("INVOICE", "INV-2025-00042", "2025-03-14", "2025-04-13",
                "Meridian Surgical Supply LLC", "1200 Commerce Park Dr, Suite 300",
                "St. Luke's Regional Medical Center", "4500 Medical Pkwy", "ap@stlukes.example.org",
                "Meridian Surgical Supply - Lockbox", "PO Box 77412",
                "PO (Acme Ortho)", "PO-88231", "PO (Zimmer Biomet)", "4500129931",
                "Dr. Elena Ruiz", "Patient ref", "PT-7F3A");
        assertThat(text).contains("Manufacturer", "Lot/Serial", "Acme Ortho", "Zimmer Biomet",
                "AO-4471", "LOT 23A991", "AO-2210", "LOT 23B114", "ZB-00-5521-034", "SN ZB7781123",
                "ZB-42-1180", "LOT 9921X", "Bone cement 40 g with gentamicin");
        assertThat(text).contains("1234.50", "48.75", "292.50", "3890.00", "185.25", "370.50",
                "5787.50", "-213.03", "45.00", "0.00", "Total USD 5619.47");
        assertThat(text).contains("Payment terms: Net 30.");
        assertThat(text).doesNotContain("$", "\u20AC");
    }

    @Test
    void isA4WithTheDocumentNamedInItsMetadata() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(surgicalCaseInvoice()))) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("INVOICE INV-2025-00042");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, within(1f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(842f, within(1f));
        }
    }

    @Test
    void manyLinesFlowOverSeveralPagesWithTheHeaderRepeated() throws IOException {
        // given
        InvoiceDocument invoice = SampleInvoiceDocuments.productionInvoice(120);

        // when
        byte[] pdf = renderer.render(invoice);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains("Line 120 assay run on sample batch B-1120", "SVC-120",
                    "signed off by QA", "Total USD 2976.00");
            assertThat(occurrences(text, "Unit price (USD)")).isEqualTo(pages);
        }
    }

    @Test
    void productionInvoiceWithoutManufacturerOrLotDropsThoseColumns() throws IOException {
        String text = textOf(renderer.render(SampleInvoiceDocuments.productionInvoice(3)));

        assertThat(text).contains("Part #", "Description", "Qty", "SVC-3", "Line 3 assay run");
        assertThat(text).doesNotContain("Manufacturer", "Lot/Serial");
    }

    @Test
    void missingNumberNotesAndOptionalTextRenderEmpty() throws IOException {
        // given an estimate: no number, no notes, no references, half-filled parties and lines
        InvoiceDocument estimate = new InvoiceDocument("ESTIMATE", null,
                LocalDate.of(2025, 7, 1), null,
                new InvoiceDocument.Party("Meridian Surgical Supply LLC", null, null),
                null,
                new InvoiceDocument.Party(null, Arrays.asList("Ward 3", null), List.of()),
                null,
                List.of(line(null, null, null, null, "1", "10.00"),
                        new InvoiceDocument.Line("Acme Ortho", "AO-1", null, "Sample plate", null, null, null),
                        line(null, "PART-WITHOUT-ANY-SPACE-0123456789-ABCDEFGHIJ", null, "Unbreakable", "1", "1.00")),
                null,
                null,
                null);

        // when
        String text = textOf(renderer.render(estimate));

        // then
        assertThat(text).contains("ESTIMATE", "\u2014", "2025-07-01", "Meridian Surgical Supply LLC",
                "Ward 3", "Sample plate", "10.00", "Unbreakable", "Total");
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalized(new PDFTextStripper().getText(document));
        }
    }

    /** Table cells and wrapped lines come back with varying whitespace; compare word by word. */
    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}

package com.billflow.benchmark;

import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.document.pdf.InvoicePdfRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11, goal 3: Billflow's invoice PDF ({@link InvoicePdfRenderer}) against the same page
 * written with plain OpenPDF ({@link PlainOpenPdfInvoice}), in documents per second; the goal is
 * a ratio billflow / plainOpenPdf of at least 0.9. The invoice has {@link #lines} lines with Latin,
 * Polish, Czech, Greek, Cyrillic and Japanese text (see {@link BenchmarkInvoices}). Before measuring,
 * {@link #checkBothPrintTheSamePage} fails the run if the two PDFs differ in text, page count or
 * embedded fonts, so the baseline cannot drift into doing less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InvoicePdfBenchmark {

    @Param({"20", "200"})
    public int lines;

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();
    private InvoiceDocument invoice;

    @Setup
    public void checkBothPrintTheSamePage() throws IOException {
        invoice = BenchmarkInvoices.surgicalCaseInvoice(lines);
        Printed billflow = Printed.of(renderer.render(invoice));
        Printed plain = Printed.of(PlainOpenPdfInvoice.render(invoice));
        if (!billflow.equals(plain)) {
            int at = Math.max(0, Arrays.mismatch(billflow.text().toCharArray(), plain.text().toCharArray()));
            throw new IllegalStateException("The baseline no longer prints Billflow's page: pages " + billflow.pages()
                    + " / " + plain.pages() + ", fonts " + billflow.fonts() + " / " + plain.fonts()
                    + ", text from character " + at + ":\nBillflow: " + around(billflow.text(), at)
                    + "\nplain:    " + around(plain.text(), at));
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', '|');
    }

    @Benchmark
    public byte[] billflow() {
        return renderer.render(invoice);
    }

    @Benchmark
    public byte[] plainOpenPdf() {
        return PlainOpenPdfInvoice.render(invoice);
    }

    /** What a reader sees of a PDF: its pages' text, the page count and the embedded fonts (without subset tags). */
    private record Printed(int pages, TreeSet<String> fonts, String text) {

        static Printed of(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                TreeSet<String> fonts = new TreeSet<>();
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    }
                }
                return new Printed(document.getNumberOfPages(), fonts, new PDFTextStripper().getText(document));
            }
        }
    }
}

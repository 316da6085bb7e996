package com.billflow.document.pdf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.billflow.document.pdf.SampleInvoiceDocuments.BILL_TO;
import static com.billflow.document.pdf.SampleInvoiceDocuments.REMIT_TO;
import static com.billflow.document.pdf.SampleInvoiceDocuments.SELLER;
import static com.billflow.document.pdf.SampleInvoiceDocuments.line;
import static com.billflow.document.pdf.SampleInvoiceDocuments.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Every character given is printed with an embedded font, or visibly replaced and logged. */
class InvoicePdfUnicodeTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();
    private final Logger printableTextLog = (Logger) LoggerFactory.getLogger(PrintableText.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        logged.start();
        printableTextLog.addAppender(logged);
    }

    @AfterEach
    void releaseWarnings() {
        printableTextLog.detachAppender(logged);
    }

    @Test
    void surgicalCaseInvoicePrintsLatinExtendedGreekCyrillicAndCjkExactly() throws IOException {
        // when
        String text = textOf(renderer.render(SampleInvoiceDocuments.multilingualSurgicalCaseInvoice()));

        // then
        assertThat(text).contains("Szpital Miejski Łódź", "ul. Żeromskiego 113", "90-549 Łódź, Polska",
                "Čech Medical s.r.o.", "Śruba korowa Ø 3,5 mm", "LOT Ř-2291", "Płytka blokująca, 8 otworów",
                "Ιατρικά Είδη Α.Ε.", "Λεωφόρος Κηφισίας 44", "Αποστειρωμένο σετ εργαλείων",
                "Хирургическая больница №1", "東京医科大学病院", "서울대학교병원",
                "PO (Čech Medical s.r.o.)", "ZAM/2025/Ł-17", "dr Paweł Świątek",
                "Rabat 5% (Čech Medical s.r.o.)", "-76.35", "Total USD 1660.65",
                "Warunki płatności: 30 dni. Ευχαριστούμε για την προτίμηση.");
        assertThat(text).doesNotContain(String.valueOf(PrintableText.REPLACEMENT));
        assertThat(logged.list).isEmpty();
    }

    @Test
    void laboratoryCreditNotePrintsCjkInBoldAndRegularAndNamesItsAuthor() throws IOException {
        // given a Korean laboratory (bold seller name), a Japanese client (bold bill-to), Cyrillic lines
        InvoiceDocument creditNote = SampleInvoiceDocuments.laboratoryCreditNote();

        // when
        byte[] pdf = renderer.render(creditNote);

        // then
        String text = textOf(pdf);
        assertThat(text).contains("CREDIT NOTE", "CN-2025-0003", "서울대학교병원", "lab@snuh.example",
                "東京医科大学病院", "東京都新宿区西新宿6-7-1", "Анализ крови — Хирургическая больница №1",
                "検体の再検査 (재검사)", "Total USD -105.00");
        assertThat(text).doesNotContain(String.valueOf(PrintableText.REPLACEMENT));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("서울대학교병원");
        }
        assertThat(logged.list).isEmpty();
    }

    @Test
    void everyFontIsAnEmbeddedIdentityHSubsetOfTheShippedFonts() throws IOException {
        List<String> fontNames = new ArrayList<>();
        for (byte[] pdf : List.of(renderer.render(SampleInvoiceDocuments.surgicalCaseInvoice()),
                renderer.render(SampleInvoiceDocuments.laboratoryCreditNote()))) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        assertThat(font).as(font.getName()).isInstanceOf(PDType0Font.class);
                        assertThat(((PDType0Font) font).getCMap().getName()).isEqualTo("Identity-H");
                        // A subset's name starts with a six-letter tag: "ABCDEF+LiberationSans".
                        assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
                        fontNames.add(font.getName().substring(7));
                    }
                }
            }
        }
        assertThat(fontNames).contains("LiberationSans", "LiberationSans-Bold", "DroidSansFallback")
                .allMatch(name -> name.startsWith("LiberationSans") || name.equals("DroidSansFallback"));
    }

    @Test
    void aCharacterNoFontHasIsPrintedAsAQuestionMarkAndWarnedOncePerDocument() throws IOException {
        // given an emoji twice (a line and a note) and a private-use character, neither in any font
        String emoji = new String(Character.toChars(0x1F600));
        String privateUse = new String(Character.toChars(0x10FFFD));
        InvoiceDocument invoice = new InvoiceDocument("INVOICE", "INV-2025-00099",
                LocalDate.of(2025, 3, 14), LocalDate.of(2025, 4, 13), SELLER, REMIT_TO, BILL_TO, List.of(),
                List.of(line("Acme Ortho", "AO-1", null, "Smiley " + emoji + " sticker pack", "1", "5.00"),
                        line(null, "AO-2", null, "Logo " + privateUse + " decal", "1", "3.00")),
                List.of(), usd("8.00"), List.of("Thank you " + emoji));

        // when
        String text = textOf(renderer.render(invoice));

        // then
        assertThat(text).contains("Smiley ? sticker pack", "Logo ? decal", "Thank you ?");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .contains("INVOICE INV-2025-00099", "U+1F600, U+10FFFD", "'?'");
        });
    }

    @Test
    void controlCharactersAreNotPrintedAndNotWarnedAbout() throws IOException {
        // given an address line pasted with a NUL, a bell, a tab, a zero-width space and a BOM
        InvoiceDocument.Party billTo = new InvoiceDocument.Party("St. Luke's Regional Medical Center",
                Arrays.asList("Ward 3\u0000\u0007\tEast\u200B wing", "\uFEFFAccounts Payable"), List.of());
        InvoiceDocument invoice = new InvoiceDocument("INVOICE", "INV-2025-00100",
                LocalDate.of(2025, 3, 14), null, SELLER, null, billTo, null,
                List.of(line(null, null, null, "Sample plate", "1", "10.00")), null, usd("10.00"), null);

        // when
        String text = textOf(renderer.render(invoice));

        // then
        assertThat(text).contains("Ward 3 East wing", "Accounts Payable");
        assertThat(text).doesNotContain("?", "\u0000", "\u0007", "\u200B", "\uFEFF");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void documentsRenderedAtTheSameTimeShareTheFontsWithoutMixingTheirGlyphs() throws Exception {
        // given the expected text of each document, rendered alone
        List<InvoiceDocument> documents = List.of(SampleInvoiceDocuments.multilingualSurgicalCaseInvoice(),
                SampleInvoiceDocuments.laboratoryCreditNote(), SampleInvoiceDocuments.productionInvoice(40));
        List<String> expected = new ArrayList<>();
        for (InvoiceDocument document : documents) {
            expected.add(textOf(renderer.render(document)));
        }

        // when the async steps render them on several threads at once
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> rendered = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                InvoiceDocument document = documents.get(i % documents.size());
                rendered.add(threads.submit(() -> textOf(renderer.render(document))));
            }

            // then each comes out exactly as when rendered alone
            for (int i = 0; i < rendered.size(); i++) {
                assertThat(rendered.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(expected.get(i % documents.size()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}

package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.Line;
import com.billflow.money.Money;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import static com.billflow.document.pdf.PdfStyles.hasText;

/**
 * Lays out an {@link InvoiceDocument} as an A4 PDF: seller and document facts, bill-to and
 * remit-to, references, the lines (header repeated on every page), the totals and the notes.
 * Amounts are plain figures; the currency code sits in the column headers and the total row,
 * never a currency symbol. Fonts are embedded (see {@link PdfFonts}) and every character given is
 * printed: one no embedded font has is printed as {@value PrintableText#REPLACEMENT} and logged
 * at WARN once per document (see {@link PrintableText}).
 */
@Component
public class InvoicePdfRenderer {

    private static final float MARGIN = 42;
    private static final float BOTTOM_MARGIN = 54;
    /** A one-page invoice is about 75 KB (mostly the font subsets): most documents never regrow the buffer. */
    private static final int INITIAL_BUFFER = 96 * 1024;

    /** Renders the document; optional fields that are null render empty. */
    public byte[] render(InvoiceDocument given) {
        PrintableText printableText = new PrintableText(PdfFonts::covers);
        InvoiceDocument document = printableText.clean(given);
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        Document pdf = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, BOTTOM_MARGIN);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        String label = documentLabel(document);
        writer.setPageEvent(new PageFooter(label));
        pdf.addTitle(label);
        pdf.addCreator("Billflow");
        if (document.seller() != null && hasText(document.seller().name())) {
            pdf.addAuthor(document.seller().name());
        }

        pdf.open();
        pdf.add(InvoiceHeader.sellerAndTitle(document));
        pdf.add(InvoiceHeader.parties(document));
        List<InvoiceDocument.Reference> references = orEmpty(document.references());
        if (!references.isEmpty()) {
            pdf.add(InvoiceHeader.references(references));
        }
        String currencyCode = currencyCode(document);
        pdf.add(InvoiceLinesTable.build(orEmpty(document.lines()), currencyCode));
        pdf.add(InvoiceTotalsTable.build(orEmpty(document.summary()), document.total(), currencyCode));
        if (!orEmpty(document.taxBreakdown()).isEmpty()) {
            pdf.add(TaxBreakdownTable.build(document.taxBreakdown(), currencyCode));
        }
        addNotes(pdf, orEmpty(document.notes()));
        pdf.close();
        printableText.warnIfAny(label);
        return out.toByteArray();
    }

    /** "INVOICE INV-2025-0001", or just the title for documents without a number. */
    static String documentLabel(InvoiceDocument document) {
        String title = hasText(document.title()) ? document.title().trim() : "Document";
        return hasText(document.number()) ? title + " " + document.number().trim() : title;
    }

    private static void addNotes(Document pdf, List<String> notes) {
        boolean first = true;
        for (String note : notes) {
            if (!hasText(note)) {
                continue;
            }
            Paragraph paragraph = PdfStyles.paragraph(note, PdfStyles.BODY);
            paragraph.setSpacingBefore(first ? 22 : 4);
            pdf.add(paragraph);
            first = false;
        }
    }

    /** The total's currency, else the lines'; an empty document has none to show. */
    private static String currencyCode(InvoiceDocument document) {
        if (document.total() != null) {
            return document.total().currency().getCurrencyCode();
        }
        return orEmpty(document.lines()).stream()
                .map(Line::amount)
                .filter(Objects::nonNull)
                .map(Money::currency)
                .map(Currency::getCurrencyCode)
                .findFirst()
                .orElse("");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

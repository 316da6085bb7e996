package com.billflow.benchmark;

import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.document.pdf.InvoiceDocument.Line;
import com.billflow.document.pdf.InvoiceDocument.Party;
import com.billflow.document.pdf.InvoiceDocument.Reference;
import com.billflow.document.pdf.InvoiceDocument.SummaryRow;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The baseline of the PDF benchmark: the page Billflow's {@code InvoicePdfRenderer} prints, written
 * the way a competent developer writes it with OpenPDF alone. Same A4 page and margins, same
 * tables, columns, widths, paddings, colours and texts, and the same embedded fonts: Liberation
 * Sans Regular and Bold and the Droid Sans Fallback for CJK, read from the same classpath resources
 * as Identity-H subsets. What makes it a fair baseline rather than a straw man:
 * <ul>
 *   <li>the {@link BaseFont}s, {@link Font}s and one {@link FontSelector} per font are made once
 *       per JVM, as any server-side OpenPDF code should (a {@code new FontSelector()} per text would
 *       parse a font file each time and make the baseline many times slower);</li>
 *   <li>CJK runs go through {@link FontSelector#process}, OpenPDF's own way to fall back to a
 *       second font, so the baseline prints every letter Billflow prints;</li>
 *   <li>it skips what only Billflow does: cleaning the text for characters no font has
 *       (NFC, controls, the '?' replacement and its warning), the optional columns and rows of
 *       documents other than this one, and the tax breakdown this invoice does not have.</li>
 * </ul>
 * {@link InvoicePdfBenchmark} checks, before measuring, that both print the same text on the same
 * number of pages with the same fonts.
 */
final class PlainOpenPdfInvoice {

    private static final BaseFont SANS = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont SANS_BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final BaseFont CJK = font("fonts/droid-sans-fallback/DroidSansFallback.ttf");

    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    private static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    private static final Color HEADER_FILL = new Color(0xEE, 0xF1, 0xF5);
    private static final Color ZEBRA_FILL = new Color(0xF9, 0xFA, 0xFB);

    private static final Style TITLE = style(true, 20, ACCENT);
    private static final Style PARTY_NAME = style(true, 10, INK);
    private static final Style BODY = style(false, 9, INK);
    private static final Style BODY_BOLD = style(true, 9, INK);
    private static final Style LABEL = style(true, 7.5f, MUTED);
    private static final Style TABLE_HEADER = style(true, 8, ACCENT);
    private static final Style TABLE_BODY = style(false, 8.5f, INK);
    private static final Style TOTAL = style(true, 11, ACCENT);
    private static final Style SMALL = style(false, 7.5f, MUTED);

    private static final SplitCharacter WHITESPACE_ONLY =
            (start, current, end, chars, chunks) -> Character.isWhitespace(chars[current]);

    private PlainOpenPdfInvoice() {
    }

    /** The invoice as PDF bytes; expects every field this benchmark's invoices fill (lines with manufacturer and lot). */
    static byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 42, 42, 42, 54);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        String label = invoice.title() + " " + invoice.number();
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pdfWriter, Document document) {
                float y = document.bottomMargin() / 2;
                ColumnText.showTextAligned(pdfWriter.getDirectContent(), Element.ALIGN_LEFT,
                        phrase(label, SMALL), document.left(), y, 0);
                ColumnText.showTextAligned(pdfWriter.getDirectContent(), Element.ALIGN_RIGHT,
                        phrase("Page " + pdfWriter.getPageNumber(), SMALL), document.right(), y, 0);
            }
        });
        pdf.addTitle(label);
        pdf.addCreator("Billflow");
        pdf.addAuthor(invoice.seller().name());
        pdf.open();

        PdfPTable top = new PdfPTable(new float[] {55, 45});
        top.setWidthPercentage(100);
        top.addCell(party(null, invoice.seller(), PARTY_NAME));
        PdfPCell facts = new PdfPCell();
        facts.setBorder(Rectangle.NO_BORDER);
        facts.setPadding(0);
        Paragraph title = new Paragraph(phrase(invoice.title(), TITLE));
        title.setAlignment(Element.ALIGN_RIGHT);
        title.setSpacingAfter(6);
        facts.addElement(title);
        PdfPTable factTable = new PdfPTable(new float[] {38, 62});
        factTable.setWidthPercentage(100);
        fact(factTable, "Number", invoice.number());
        fact(factTable, "Issue date", invoice.issueDate().toString());
        fact(factTable, "Due date", invoice.dueDate().toString());
        facts.addElement(factTable);
        top.addCell(facts);
        pdf.add(top);

        PdfPTable parties = new PdfPTable(new float[] {55, 45});
        parties.setWidthPercentage(100);
        parties.setSpacingBefore(18);
        for (PdfPCell cell : List.of(party("BILL TO", invoice.billTo(), BODY_BOLD),
                party("REMIT TO", invoice.remitTo(), BODY_BOLD))) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(RULE);
            cell.setPaddingTop(8);
            parties.addCell(cell);
        }
        pdf.add(parties);

        PdfPTable references = new PdfPTable(3);
        references.setWidthPercentage(100);
        references.setSpacingBefore(14);
        for (Reference reference : invoice.references()) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setPaddingBottom(6);
            cell.setPaddingRight(8);
            cell.addElement(new Paragraph(phrase(reference.label(), LABEL)));
            cell.addElement(new Paragraph(phrase(reference.value(), BODY)));
            references.addCell(cell);
        }
        references.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        references.completeRow();
        pdf.add(references);

        pdf.add(lines(invoice.lines(), invoice.total().currency().getCurrencyCode()));

        PdfPTable totals = new PdfPTable(new float[] {60, 40});
        totals.setWidthPercentage(45);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        totals.setSpacingBefore(6);
        totals.setKeepTogether(true);
        for (SummaryRow row : invoice.summary()) {
            totals.addCell(tableCell(phrase(row.label(), BODY), Element.ALIGN_LEFT));
            totals.addCell(tableCell(phrase(row.amount().toPlainString(), BODY), Element.ALIGN_RIGHT));
        }
        totals.addCell(totalCell("Total " + invoice.total().currency().getCurrencyCode(), Element.ALIGN_LEFT));
        totals.addCell(totalCell(invoice.total().toPlainString(), Element.ALIGN_RIGHT));
        pdf.add(totals);

        boolean first = true;
        for (String note : invoice.notes()) {
            Paragraph paragraph = new Paragraph(phrase(note, BODY));
            paragraph.setSpacingBefore(first ? 22 : 4);
            pdf.add(paragraph);
            first = false;
        }
        pdf.close();
        return out.toByteArray();
    }

    private static PdfPTable lines(List<Line> lines, String currency) {
        PdfPTable table = new PdfPTable(7);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {13, 15, 13, 30, 5, 12, 12});
        table.setHeaderRows(1);
        table.setSplitLate(false);
        table.setSpacingBefore(14);
        String[] headers = {"Manufacturer", "Part #", "Lot/Serial", "Description", "Qty",
                "Unit price (" + currency + ")", "Amount (" + currency + ")"};
        for (int i = 0; i < headers.length; i++) {
            PdfPCell header = tableCell(phrase(headers[i], TABLE_HEADER), i < 4 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            header.setBackgroundColor(HEADER_FILL);
            header.setPaddingTop(5);
            header.setPaddingBottom(6);
            table.addCell(header);
        }
        int row = 0;
        for (Line line : lines) {
            Color fill = row++ % 2 == 1 ? ZEBRA_FILL : null;
            addBody(table, phrase(line.manufacturer(), TABLE_BODY), Element.ALIGN_LEFT, fill);
            addBody(table, unbreakable(phrase(line.partNumber(), TABLE_BODY)), Element.ALIGN_LEFT, fill);
            addBody(table, unbreakable(phrase(line.lotSerial(), TABLE_BODY)), Element.ALIGN_LEFT, fill);
            addBody(table, phrase(line.description(), TABLE_BODY), Element.ALIGN_LEFT, fill);
            addBody(table, phrase(line.quantity().stripTrailingZeros().toPlainString(), TABLE_BODY), Element.ALIGN_RIGHT, fill);
            addBody(table, phrase(line.unitPrice().toPlainString(), TABLE_BODY), Element.ALIGN_RIGHT, fill);
            addBody(table, phrase(line.amount().toPlainString(), TABLE_BODY), Element.ALIGN_RIGHT, fill);
        }
        return table;
    }

    private static void addBody(PdfPTable table, Phrase phrase, int alignment, Color fill) {
        PdfPCell cell = tableCell(phrase, alignment);
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        table.addCell(cell);
    }

    private static PdfPCell tableCell(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(4);
        cell.setPaddingTop(3.5f);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell totalCell(String value, int alignment) {
        PdfPCell cell = tableCell(phrase(value, TOTAL), alignment);
        cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
        cell.setBorderColor(ACCENT);
        cell.setBorderWidthTop(1.2f);
        cell.setBorderWidthBottom(1.2f);
        cell.setPaddingTop(6);
        cell.setPaddingBottom(8);
        return cell;
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell labelCell = plainCell(phrase(label, LABEL));
        labelCell.setPaddingRight(10);
        labelCell.setPaddingTop(2.5f);
        table.addCell(labelCell);
        table.addCell(plainCell(phrase(value, BODY_BOLD)));
    }

    private static PdfPCell plainCell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(1.5f);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(0);
        return cell;
    }

    private static PdfPCell party(String heading, Party party, Style nameFont) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingRight(12);
        if (heading != null) {
            Paragraph label = new Paragraph(phrase(heading, LABEL));
            label.setSpacingAfter(2);
            cell.addElement(label);
        }
        cell.addElement(new Paragraph(phrase(party.name(), nameFont)));
        for (String line : party.addressLines()) {
            cell.addElement(new Paragraph(phrase(line, BODY)));
        }
        if (party.taxId() != null) {
            cell.addElement(new Paragraph(phrase("Tax ID: " + party.taxId(), BODY)));
        }
        for (String line : party.contactLines()) {
            cell.addElement(new Paragraph(phrase(line, BODY)));
        }
        return cell;
    }

    /**
     * The text in the style's fonts, with the leading of 1.5 × the size that {@code new Phrase(text, font)} has,
     * and the main font as the phrase's own: a paragraph's spacing is a blank in that font, which would
     * otherwise be Helvetica, an extra (unembedded) font.
     */
    private static Phrase phrase(String text, Style style) {
        Phrase phrase = style.selector().process(text);
        phrase.setLeading(style.font().getCalculatedLeading(1.5f));
        phrase.setFont(style.font());
        return phrase;
    }

    private static Phrase unbreakable(Phrase phrase) {
        for (Element run : phrase) {
            ((Chunk) run).setSplitCharacter(WHITESPACE_ONLY);
        }
        return phrase;
    }

    private static Style style(boolean bold, float size, Color color) {
        Font font = new Font(bold ? SANS_BOLD : SANS, size, Font.NORMAL, color);
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        selector.addFont(new Font(CJK, size, bold ? Font.BOLD : Font.NORMAL, color));
        return new Style(font, selector);
    }

    /** A main font and its selector, which falls back to the CJK font at the same size and colour. */
    private record Style(Font font, FontSelector selector) {
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PlainOpenPdfInvoice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.NOT_CACHED,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }
}

package com.billflow.document.pdf;

import com.billflow.money.Money;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfPCell;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Fonts, colours, cell and paragraph factories and value formatting shared by the invoice PDF
 * parts. Every text goes through {@link PdfFonts#phrase}, so each run uses the first embedded font
 * that has its glyphs; the text must already have passed {@link PrintableText}.
 */
final class PdfStyles {

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    static final Color HEADER_FILL = new Color(0xEE, 0xF1, 0xF5);
    static final Color ZEBRA_FILL = new Color(0xF9, 0xFA, 0xFB);

    static final Font TITLE = PdfFonts.font(true, 20, ACCENT);
    static final Font PARTY_NAME = PdfFonts.font(true, 10, INK);
    static final Font BODY = PdfFonts.font(false, 9, INK);
    static final Font BODY_BOLD = PdfFonts.font(true, 9, INK);
    static final Font LABEL = PdfFonts.font(true, 7.5f, MUTED);
    static final Font TABLE_HEADER = PdfFonts.font(true, 8, ACCENT);
    static final Font TABLE_BODY = PdfFonts.font(false, 8.5f, INK);
    static final Font TOTAL = PdfFonts.font(true, 11, ACCENT);
    static final Font SMALL = PdfFonts.font(false, 7.5f, MUTED);

    /** Shown for a document that has no number yet (estimates, WIP). */
    static final String NO_NUMBER = "\u2014";

    private static final SplitCharacter WHITESPACE_ONLY =
            (start, current, end, chars, chunks) -> Character.isWhitespace(chars[current]);

    private PdfStyles() {
    }

    /** Null-safe text: optional fields render empty rather than failing the document. */
    static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    static String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    /** Plain figure without symbol or grouping (e.g. {@code 1234.50}); the currency code is printed in headers. */
    static String amount(Money money) {
        return money == null ? "" : money.toPlainString();
    }

    /** Quantities print without trailing zeros: "2", "0.5". */
    static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    /** The text in {@code font}, CJK runs in the fallback font; null renders empty. */
    static Phrase phrase(String value, Font font) {
        return PdfFonts.phrase(text(value), font);
    }

    /** A paragraph of {@link #phrase}; its leading is 1.5 × the font size. */
    static Paragraph paragraph(String value, Font font) {
        return new Paragraph(phrase(value, font));
    }

    /** A borderless cell, the building block of the layout tables. */
    static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(phrase(value, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(1.5f);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(0);
        return cell;
    }

    static PdfPCell cell(String value, Font font) {
        return cell(value, font, Element.ALIGN_LEFT);
    }

    /** A cell of the lines or summary table: padded, with a thin rule under it. */
    static PdfPCell tableCell(String value, Font font, int alignment) {
        return tableCell(phrase(value, font), alignment);
    }

    /**
     * A table cell for part, lot and serial numbers: these wrap only at spaces, because a part
     * number broken at one of its own hyphens reads as two different numbers.
     */
    static PdfPCell identifierCell(String value, Font font, int alignment) {
        return tableCell(PdfFonts.withSplitCharacter(phrase(value, font), WHITESPACE_ONLY), alignment);
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
}

package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.Line;
import com.billflow.document.pdf.InvoiceDocument.Party;
import com.billflow.document.pdf.InvoiceDocument.Reference;
import com.billflow.document.pdf.InvoiceDocument.SummaryRow;
import com.billflow.document.pdf.InvoiceDocument.TaxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns a document's text into text the embedded fonts can print, so that no character is lost
 * without a trace (OpenPDF leaves out, silently, any character its font has no glyph for):
 * <ul>
 *   <li>text is put in Unicode NFC first, so a letter typed as base plus combining accent prints
 *       as the precomposed letter the fonts have;</li>
 *   <li>line breaks ({@code \r\n}, {@code \r}, U+2028, U+2029) become {@code \n}, which breaks the
 *       line; tabs and other whitespace controls become a space; any other control or invisible
 *       format character (C0/C1 controls, zero-width space, byte order mark, bidi marks, soft
 *       hyphen) is removed: it has nothing to print;</li>
 *   <li>a space character no font has becomes a plain space;</li>
 *   <li>any other character no font has (emoji, private use, an unpaired surrogate, a script
 *       the fonts lack) is printed as {@value #REPLACEMENT} and its code point is noted;
 *       {@link #warnIfAny} logs the noted code points at WARN, once for the document.</li>
 * </ul>
 * One instance per document; not thread-safe.
 */
final class PrintableText {

    /** Printed for a character no embedded font has; both fonts have it. */
    static final char REPLACEMENT = '?';

    private static final Logger log = LoggerFactory.getLogger(PrintableText.class);

    private final IntPredicate hasGlyph;
    private final SortedSet<Integer> uncovered = new TreeSet<>();
    /** Per printable ASCII character, once asked: 1 when some font has it, 2 when none has. */
    private final byte[] asciiGlyphs = new byte[0x7F];

    /** @param hasGlyph whether some embedded font prints the code point, e.g. {@link PdfFonts#covers} */
    PrintableText(IntPredicate hasGlyph) {
        this.hasGlyph = hasGlyph;
    }

    /** The text as it will be printed; null stays null (an absent field, not an empty one). */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        if (isPrintableAscii(text)) {
            // Most text (numbers, codes, English): NFC already, nothing to replace, so it is kept as is.
            return text;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u2028', '\n')
                .replace('\u2029', '\n');
        StringBuilder printable = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(codePoint -> append(printable, codePoint));
        return printable.toString();
    }

    /** The document with every text field cleaned; amounts, dates and list shapes unchanged. */
    InvoiceDocument clean(InvoiceDocument document) {
        return new InvoiceDocument(clean(document.title()), clean(document.number()),
                document.issueDate(), document.dueDate(),
                clean(document.seller()), clean(document.remitTo()), clean(document.billTo()),
                map(document.references(), reference -> new Reference(clean(reference.label()), clean(reference.value()))),
                map(document.lines(), line -> new Line(clean(line.manufacturer()), clean(line.partNumber()),
                        clean(line.lotSerial()), clean(line.description()),
                        line.quantity(), line.unitPrice(), line.amount())),
                map(document.summary(), row -> new SummaryRow(clean(row.label()), row.amount())),
                document.total(),
                map(document.notes(), this::clean),
                map(document.taxBreakdown(), row -> new TaxRow(clean(row.label()), row.ratePercent(), row.taxableAmount(), row.taxAmount())));
    }

    /** The code points printed as {@value #REPLACEMENT} so far, in ascending order. */
    SortedSet<Integer> uncovered() {
        return uncovered;
    }

    /** Logs one WARN naming the document and every code point replaced in it; nothing when none was. */
    void warnIfAny(String documentLabel) {
        if (uncovered.isEmpty()) {
            return;
        }
        String codePoints = uncovered.stream()
                .map(codePoint -> String.format("U+%04X", codePoint))
                .collect(Collectors.joining(", "));
        log.warn("PDF '{}': no embedded font has a glyph for {}; printed as '{}'",
                documentLabel, codePoints, REPLACEMENT);
    }

    /** Whether the text is only line feeds and printable ASCII characters that some font has. */
    private boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (c < ' ' || c >= 0x7F) {
                return false;
            }
            if (asciiGlyphs[c] == 0) {
                asciiGlyphs[c] = hasGlyph.test(c) ? (byte) 1 : (byte) 2;
            }
            if (asciiGlyphs[c] == 2) {
                return false;
            }
        }
        return true;
    }

    private void append(StringBuilder printable, int codePoint) {
        int type = Character.getType(codePoint);
        if (codePoint == '\n') {
            printable.append('\n');
        } else if (type == Character.CONTROL || type == Character.FORMAT) {
            if (Character.isWhitespace(codePoint)) {
                printable.append(' ');
            }
        } else if (hasGlyph.test(codePoint)) {
            printable.appendCodePoint(codePoint);
        } else if (type == Character.SPACE_SEPARATOR) {
            printable.append(' ');
        } else {
            uncovered.add(codePoint);
            printable.append(REPLACEMENT);
        }
    }

    private Party clean(Party party) {
        return party == null ? null : new Party(clean(party.name()),
                map(party.addressLines(), this::clean), map(party.contactLines(), this::clean), clean(party.taxId()));
    }

    /** Null lists stay null and null elements stay null: the layout already treats both as absent. */
    private static <T> List<T> map(List<T> list, UnaryOperator<T> cleaner) {
        if (list == null) {
            return null;
        }
        return list.stream().map(item -> item == null ? null : cleaner.apply(item)).toList();
    }
}

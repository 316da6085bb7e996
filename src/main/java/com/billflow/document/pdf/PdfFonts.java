package com.billflow.document.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts every PDF embeds, read once from the application's own classpath (never from the
 * machine's font directories) and embedded as subsets with Identity-H encoding:
 * <ul>
 *   <li>Liberation Sans Regular/Bold (SIL OFL 1.1, artefact {@code openpdf-fonts-extra}): Latin,
 *       Latin Extended, Greek, Cyrillic; metric-compatible with Helvetica/Arial, so the layout
 *       keeps its widths;</li>
 *   <li>Droid Sans Fallback (Apache-2.0, {@code resources/fonts/droid-sans-fallback/}): Chinese,
 *       Japanese and Korean text the main font lacks. It has no bold face; bold runs are
 *       emboldened by OpenPDF (fill and stroke).</li>
 * </ul>
 * Licences and origins: {@code resources/fonts/NOTICE.md}. The {@link BaseFont}s are shared by
 * all documents: OpenPDF records the glyphs used per writer, not in the BaseFont.
 */
final class PdfFonts {

    private static final BaseFont SANS = load("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont SANS_BOLD = load("liberation/LiberationSans-Bold.ttf");
    private static final BaseFont CJK_FALLBACK = load("fonts/droid-sans-fallback/DroidSansFallback.ttf");

    /**
     * One selector per font, built once: OpenPDF's FontSelector constructor reads and registers a
     * font file each time, which made rendering many times slower. {@code process} only reads
     * the selector's font list, so a selector serves any number of documents and threads.
     */
    private static final Map<Font, FontSelector> SELECTORS = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    /** The main font at {@code size} points; pair it with {@link #phrase} so CJK text falls back. */
    static Font font(boolean bold, float size, Color color) {
        return new Font(bold ? SANS_BOLD : SANS, size, Font.NORMAL, color);
    }

    /**
     * Whether some font of every run has a glyph for the code point: Liberation Sans in both
     * faces, or the CJK fallback. {@link PrintableText} replaces any other character visibly.
     */
    static boolean covers(int codePoint) {
        return SANS.charExists(codePoint) && SANS_BOLD.charExists(codePoint)
                || CJK_FALLBACK.charExists(codePoint);
    }

    /**
     * The text as runs of the first font that has each glyph: {@code font}, then the CJK fallback
     * at the same size and colour. The phrase keeps {@code font}'s leading (1.5 × size), as
     * {@code new Phrase(text, font)} would. Characters neither font has are left out by
     * OpenPDF, so text must have passed {@link PrintableText} first.
     */
    static Phrase phrase(String text, Font font) {
        Phrase runs = SELECTORS.computeIfAbsent(font, PdfFonts::selectorFor).process(text == null ? "" : text);
        Phrase phrase = new Phrase(font.getCalculatedLeading(1.5f));
        phrase.setFont(font);
        for (Element run : runs) {
            phrase.add(run);
        }
        return phrase;
    }

    /** Every run of the phrase wraps only where {@code splitCharacter} allows. */
    static Phrase withSplitCharacter(Phrase phrase, SplitCharacter splitCharacter) {
        for (Element run : phrase) {
            if (run instanceof Chunk chunk) {
                chunk.setSplitCharacter(splitCharacter);
            }
        }
        return phrase;
    }

    private static FontSelector selectorFor(Font font) {
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        int style = font.getBaseFont() == SANS_BOLD ? Font.BOLD : Font.NORMAL;
        selector.addFont(new Font(CJK_FALLBACK, font.getSize(), style, font.getColor()));
        return selector;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath");
            }
            // The name only tells OpenPDF the format; the bytes are the font.
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    BaseFont.NOT_CACHED, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }
}

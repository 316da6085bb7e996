package com.billflow.document.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that decides what of a text is printed, against the fonts the PDFs embed. */
class PrintableTextTest {

    private final PrintableText printableText = new PrintableText(PdfFonts::covers);

    @Test
    void textTheFontsCoverIsKeptAsGiven() {
        String given = "Szpital Miejski Łódź · Ιατρικά Είδη Α.Ε. · Хирургическая больница №1 · 東京医科大学病院 · 서울대학교병원 · 1\u00A0234,50 €";

        assertThat(printableText.clean(given)).isEqualTo(given);
        assertThat(printableText.uncovered()).isEmpty();
    }

    @Test
    void combiningAccentsArePrintedAsThePrecomposedLetter() {
        assertThat(printableText.clean("Lo\u0301dz\u0301")).isEqualTo("Lódź");
    }

    @Test
    void lineBreaksStayTabsBecomeSpacesOtherControlsAndFormatCharactersGo() {
        assertThat(printableText.clean("a\r\nb\rc\u2028d")).isEqualTo("a\nb\nc\nd");
        assertThat(printableText.clean("Ward\t3\u0000\u0007\u001B\u0085\u200B\u200E\u00AD\uFEFF")).isEqualTo("Ward 3");
        assertThat(printableText.uncovered()).isEmpty();
    }

    @Test
    void uncoveredCharactersAndBrokenSurrogatesBecomeQuestionMarksAndAreNoted() {
        String emoji = new String(Character.toChars(0x1F600));

        String printed = printableText.clean("ok " + emoji + " \uD800 end " + emoji);

        assertThat(printed).isEqualTo("ok ? ? end ?");
        assertThat(printableText.uncovered()).containsExactly(0xD800, 0x1F600);
    }

    @Test
    void plainAsciiTextIsStillCheckedAgainstTheFontsAndKeepsItsLineBreaks() {
        // given fonts without an "x" (plain ASCII text takes a shortcut that must still ask the fonts)
        PrintableText withoutX = new PrintableText(codePoint -> codePoint != 'x');

        assertThat(withoutX.clean("Part PN-4471, qty 2\nbox of 12")).isEqualTo("Part PN-4471, qty 2\nbo? of 12");
        assertThat(withoutX.clean("Lot 23A")).isEqualTo("Lot 23A");
        assertThat(withoutX.uncovered()).containsExactly((int) 'x');
    }

    @Test
    void absentTextStaysAbsent() {
        assertThat(printableText.clean((String) null)).isNull();
        assertThat(printableText.clean("")).isEmpty();
    }
}

package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The UDI parser against the example element strings GS1 publishes (GS1 General Specifications,
 * GS1 DataMatrix Guideline), in each form a scanner or a person gives them.
 */
class UdiBarcodeTest {

    /** GS1 DataMatrix Guideline's healthcare example: GTIN, serial, lot, expiry; 21 and 10 are variable length. */
    private static final String GS = "\u001D";

    @ParameterizedTest
    @ValueSource(strings = {
            "(01)09504000059101(21)12345678p901(10)1234567p(17)141120",
            "(01) 09504000059101 (21) 12345678p901 (10) 1234567p (17) 141120",
            "01095040000591012112345678p901" + GS + "101234567p" + GS + "17141120",
            "]d201095040000591012112345678p901" + GS + "101234567p" + GS + "17141120",
            "\u001D01095040000591012112345678p901<GS>101234567p{GS}17141120",
            "01095040000591012112345678p901\u241D101234567p[gs]17141120"})
    void readsTheDataMatrixGuidelineExampleInEveryForm(String scanned) {
        UdiBarcode.Udi udi = UdiBarcode.parse(scanned);

        assertThat(udi.gtin()).isEqualTo("09504000059101");
        assertThat(udi.serial()).isEqualTo("12345678p901");
        assertThat(udi.lot()).isEqualTo("1234567p");
        assertThat(udi.expiry()).isEqualTo(LocalDate.of(2014, 11, 20));
    }

    @Test
    void fixedLengthAisNeedNoSeparatorAndTheLastVariableFieldNeedsNone() {
        // General Specifications' HRI example: (01) and (17) are predefined lengths (Figure 7.8.5-2)
        UdiBarcode.Udi udi = UdiBarcode.parse("01095011015300031714070410AB-123");

        assertThat(udi.gtin()).isEqualTo("09501101530003");
        assertThat(udi.expiry()).isEqualTo(LocalDate.of(2014, 7, 4));
        assertThat(udi.lot()).isEqualTo("AB-123");
        assertThat(udi.serial()).isNull();
    }

    @Test
    void dayZeroIsTheLastDayOfTheMonth() {
        assertThat(UdiBarcode.parse("(01)09501101530003(17)280200").expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void keepsOtherLabelAis() {
        UdiBarcode.Udi udi = UdiBarcode.parse("(01)09501101530003(11)250101(240)REF-77(21)S1");

        assertThat(udi.elements()).containsEntry("11", "250101").containsEntry("240", "REF-77");
        assertThat(udi.serial()).isEqualTo("S1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(01)09504000059102(10)L1",      // wrong check digit
            "(01)0950400005910(10)L1",       // 13 digits
            "(10)L1(21)S1",                  // no GTIN
            "(01)09504000059101(17)141320",  // month 13
            "(01)09504000059101(99)X",       // an AI this parser does not read
            "0109504000059101171411",        // (17) cut short
            "hello",
            "(01)09504000059101(10)123456789012345678901"}) // lot over 20
    void refusesWhatIsNotAUdi(String scanned) {
        assertThatThrownBy(() -> UdiBarcode.parse(scanned)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkDigit() {
        assertThat(UdiBarcode.checkDigitValid("09504000059101")).isTrue();
        assertThat(UdiBarcode.checkDigitValid("09501101530003")).isTrue();
        assertThat(UdiBarcode.checkDigitValid("09501101530004")).isFalse();
    }
}

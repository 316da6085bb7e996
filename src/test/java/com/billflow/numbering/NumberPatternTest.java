package com.billflow.numbering;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberPatternTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 9);

    @Test
    void fillsDatesAndPadsTheSequence() {
        assertThat(new NumberPattern("INV-{YYYY}-{SEQ:6}").format(DATE, 42)).isEqualTo("INV-2026-000042");
        assertThat(new NumberPattern("CN{YY}{MM}/{SEQ}").format(DATE, 7)).isEqualTo("CN2603/7");
        assertThat(new NumberPattern("P-{SEQ:3}").format(DATE, 999)).isEqualTo("P-999");
    }

    @Test
    void aSequenceNeverOutgrowsItsWidthSoTheLongestNumberIsKnown() {
        assertThatThrownBy(() -> new NumberPattern("P-{SEQ:3}").format(DATE, 1000)).isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("has given all 999 numbers it can for P-{SEQ:3}").hasMessageContaining("wider {SEQ:n}");
        assertThat(new NumberPattern("CN{YY}{MM}/{SEQ}").format(DATE, 999_999)).isEqualTo("CN2603/999999");
        assertThatThrownBy(() -> new NumberPattern("CN{YY}{MM}/{SEQ}").format(DATE, 1_000_000)).isInstanceOf(IllegalStatusException.class);

        assertThat(new NumberPattern("INV-{YYYY}-{SEQ:6}").maxLength()).isEqualTo("INV-2026-000001".length());
        assertThat(new NumberPattern("CN{YY}{MM}/{SEQ}").maxLength()).isEqualTo("CN2603/999999".length());
    }

    @Test
    void theSequenceRestartsPerRenderedPrefix() {
        NumberPattern yearly = new NumberPattern("INV-{YYYY}-{SEQ:6}");
        assertThat(yearly.scope("inv", DATE)).isNotEqualTo(yearly.scope("inv", DATE.plusYears(1)));
        assertThat(yearly.scope("inv", DATE)).isEqualTo(yearly.scope("inv", DATE.plusMonths(1)));
    }

    @Test
    void refusesPatternsWithoutExactlyOneSequenceOrWithAWidthOutOfRange() {
        assertThatThrownBy(() -> new NumberPattern("INV-{YYYY}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("{SEQ}");
        assertThatThrownBy(() -> new NumberPattern("{SEQ}-{SEQ}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NumberPattern(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NumberPattern("A-{SEQ:0}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("from 1 to 18");
        assertThatThrownBy(() -> new NumberPattern("A-{SEQ:19}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("from 1 to 18");
    }

    @Test
    void twoPatternsCollideWhenSomeNumberCouldComeOutOfBoth() {
        // the issue: two laboratories, or a laboratory and the surgical case series, with one pattern
        assertThat(overlap("INV-{YYYY}-{SEQ:6}", "INV-{YYYY}-{SEQ:6}")).isEqualTo("INV-0000-000000");
        // an unpadded sequence meets any width up to six digits; dates are digits like any other
        assertThat(overlap("A-{SEQ}", "A-{SEQ:3}")).isEqualTo("A-000");
        assertThat(overlap("A-{YYYY}{SEQ:2}", "A-{SEQ:6}")).isEqualTo("A-000000");
        assertThat(overlap("X{SEQ:2}", "X1{SEQ}")).isEqualTo("X10");
        assertThat(overlap("R{MM}-{SEQ:3}", "R12-{SEQ:3}")).isEqualTo("R12-000");
    }

    @Test
    void patternsThatDifferInTheirTextOrInTheirLengthNeverMeet() {
        assertThat(new NumberPattern("ALPHA-INV-{YYYY}-{SEQ:5}").overlap(new NumberPattern("ALPHA-CN-{YYYY}-{SEQ:5}"))).isEmpty();
        assertThat(new NumberPattern("INV-{YYYY}-{SEQ:5}").overlap(new NumberPattern("INV-{YYYY}-{SEQ:6}"))).isEmpty();
        assertThat(new NumberPattern("INV-{YYYY}-{SEQ:6}").overlap(new NumberPattern("ALPHA-INV-{YYYY}-{SEQ:5}"))).isEmpty();
        assertThat(new NumberPattern("inv-{SEQ:3}").overlap(new NumberPattern("INV-{SEQ:3}"))).isEmpty();
        assertThat(new NumberPattern("A-{SEQ}").overlap(new NumberPattern("A-{SEQ:7}"))).isEmpty();
    }

    @Test
    void theLongestNumberMustFitQuickBooksOnline() {
        AccountingNumberLimits.check(new NumberPattern("ALPHA-INV-{YYYY}-{SEQ:6}"));
        assertThatThrownBy(() -> AccountingNumberLimits.check(new NumberPattern("ALPHA-INV-{YYYY}-{SEQ:7}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gives numbers of up to 22 characters").hasMessageContaining("QuickBooks Online imports an *InvoiceNo of at most 21");
    }

    private static String overlap(String a, String b) {
        String both = new NumberPattern(a).overlap(new NumberPattern(b)).orElseThrow();
        assertThat(new NumberPattern(b).overlap(new NumberPattern(a))).as("symmetric").isPresent();
        return both;
    }
}

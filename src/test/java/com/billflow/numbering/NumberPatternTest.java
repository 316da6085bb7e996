package com.billflow.numbering;

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
        assertThat(new NumberPattern("P-{SEQ:3}").format(DATE, 12345)).isEqualTo("P-12345");
    }

    @Test
    void theSequenceRestartsPerRenderedPrefix() {
        NumberPattern yearly = new NumberPattern("INV-{YYYY}-{SEQ:6}");
        assertThat(yearly.scope("inv", DATE)).isNotEqualTo(yearly.scope("inv", DATE.plusYears(1)));
        assertThat(yearly.scope("inv", DATE)).isEqualTo(yearly.scope("inv", DATE.plusMonths(1)));
    }

    @Test
    void refusesPatternsWithoutExactlyOneSequence() {
        assertThatThrownBy(() -> new NumberPattern("INV-{YYYY}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("{SEQ}");
        assertThatThrownBy(() -> new NumberPattern("{SEQ}-{SEQ}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NumberPattern(" ")).isInstanceOf(InvalidInputException.class);
    }
}

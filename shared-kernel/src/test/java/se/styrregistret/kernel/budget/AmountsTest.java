package se.styrregistret.kernel.budget;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Money is whole kronor; people read it in thousands, exactly, the Swedish way. */
class AmountsTest {

    @ParameterizedTest(name = "{0} kr reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "8620000|8 620 tkr",
            "2520500|2 520,5 tkr",
            "840000|840 tkr",
            "1334000|1 334 tkr",
            "1|0,001 tkr",
            "1020|1,02 tkr",
            "-1234567|-1 234,567 tkr",
            "10|0,01 tkr",
            "0|0 tkr",
            "-500|-0,5 tkr",
            "-3000000|-3 000 tkr",
            "999999999000|999 999 999 tkr"})
    void thousands_of_kronor_are_exact_with_a_space_between_thousands_and_a_decimal_comma(long kronor, String tkr) {
        assertThat(Amounts.tkr(kronor)).isEqualTo(tkr);
    }

    @ParameterizedTest(name = "{0} kr reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {"8620000|8 620 000 kr", "0|0 kr", "-2100000|-2 100 000 kr"})
    void kronor_have_a_space_between_thousands(long kronor, String kr) {
        assertThat(Amounts.kr(kronor)).isEqualTo(kr);
    }
}

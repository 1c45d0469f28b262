package se.styrregistret.kernel.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.kernel.common.DecisionReference.DatePrecision.DAY;
import static se.styrregistret.kernel.common.DecisionReference.DatePrecision.MONTH;
import static se.styrregistret.kernel.common.DecisionReference.DatePrecision.YEAR;

/** A decision reference keeps what the source states, as precisely as the source states it. */
class DecisionReferenceTest {

    @Test
    void blank_case_number_and_paragraph_are_not_stated_and_a_date_is_precise_to_the_day_unless_told() {
        DecisionReference decision = new DecisionReference("  ", "", LocalDate.of(2007, 5, 29), "Kommunstyrelsen", null);

        assertThat(decision.caseNumber()).isNull();
        assertThat(decision.paragraph()).isNull();
        assertThat(decision.datePrecision()).isEqualTo(DAY);
        assertThat(decision.describe()).isEqualTo("(Kommunstyrelsen 2007-05-29)");
    }

    @Test
    void a_date_known_only_to_the_month_or_year_is_shown_no_more_precisely_than_that() {
        LocalDate firstOfJanuary = LocalDate.of(2020, 1, 1);

        assertThat(new DecisionReference(null, null, firstOfJanuary, "Kommundirektören", MONTH).dateAsKnown()).isEqualTo("2020-01");
        assertThat(new DecisionReference(null, null, firstOfJanuary, "Kommundirektören", YEAR).dateAsKnown()).isEqualTo("2020");
        assertThat(new DecisionReference(null, null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen").dateAsKnown()).isEqualTo("2020-01-20");
    }

    @Test
    void a_full_reference_reads_case_number_paragraph_then_who_and_when() {
        DecisionReference decision = new DecisionReference(" KS 2019-1003 ", " § 12 ", LocalDate.of(2020, 1, 20), "Kommunstyrelsen");

        assertThat(decision.caseNumber()).isEqualTo("KS 2019-1003");
        assertThat(decision.describe()).isEqualTo("KS 2019-1003 § 12 (Kommunstyrelsen 2020-01-20)");
    }
}

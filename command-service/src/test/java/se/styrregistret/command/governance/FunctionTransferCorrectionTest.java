package se.styrregistret.command.governance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CorrectionFixture;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.FunctionTransferred;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections of a function's transfers: each transfer still starts where the one before left the function. */
class FunctionTransferCorrectionTest {

    static final LocalDate EFFECTIVE = LocalDate.of(2021, 3, 2);
    static final DecisionReference KS = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

    final CorrectionFixture fixture = new CorrectionFixture(OrganisationalFunction.class, "stadsdelssamordnare", c -> { });

    @AfterEach
    void tearDown() {
        fixture.shutdown();
    }

    static FunctionTransferred transfer(String from, String to, LocalDate effective) {
        return new FunctionTransferred("stadsdelssamordnare", "Stadsdelssamordnare", from, to, effective, KS);
    }

    @Test
    void a_transfer_with_a_wrong_date_is_corrected() {
        List<String> ids = fixture.given(transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE));

        var appended = fixture.when(fixture.correction(ids.get(0),
                transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE.plusMonths(1)), "Fel datum"));

        assertThat(appended).hasSize(2);
        assertThat(appended.get(0).payload()).isInstanceOf(EntryCorrected.class);
        assertThat(appended.get(1).metaData()).containsEntry(EntryCorrected.CORRECTS, ids.get(0));
    }

    @Test
    void a_transfer_corrected_to_another_destination_the_next_transfer_does_not_start_from_is_refused() {
        List<String> ids = fixture.given(transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE),
                transfer("Leanlink", "Kommunledningsförvaltningen", EFFECTIVE.plusYears(1)));

        assertThat(fixture.refused(fixture.correction(ids.get(0),
                transfer("Verksamhetsstöd och service", "Utbildningsförvaltningen", EFFECTIVE), "Fel mottagare")).rule())
                .isEqualTo("function-not-held-by-source");
        assertThat(fixture.refused(fixture.correction(ids.get(0),
                transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE.plusYears(2)), "Fel datum")).rule())
                .isEqualTo("effective-date-before-last-change");
        assertThat(fixture.refused(fixture.correction(ids.get(0),
                transfer("Leanlink", "leanlink", EFFECTIVE), "Fel")).rule()).isEqualTo("transfer-to-same-organisation");
    }

    @Test
    void the_last_transfer_may_be_annulled_one_between_two_others_not() {
        List<String> ids = fixture.given(transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE),
                transfer("Leanlink", "Kommunledningsförvaltningen", EFFECTIVE.plusYears(1)),
                transfer("Kommunledningsförvaltningen", "Utbildningsförvaltningen", EFFECTIVE.plusYears(2)));

        assertThat(fixture.refused(fixture.correction(ids.get(1), null, "Aldrig")).rule()).isEqualTo("function-not-held-by-source");
        assertThat(fixture.when(fixture.correction(ids.get(2), null, "Aldrig beslutad"))).singleElement()
                .satisfies(e -> assertThat(((EntryCorrected) e.payload()).annulled()).isTrue());
        assertThat(fixture.when(fixture.correction(ids.get(1), null, "Aldrig beslutad"))).hasSize(1);
    }
}

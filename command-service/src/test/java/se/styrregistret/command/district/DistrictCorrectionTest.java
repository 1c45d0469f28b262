package se.styrregistret.command.district;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.support.CorrectionFixture;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DesignatePriorityDistrict;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.Districts;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A district's registration and designation corrected or annulled, each rule named. */
class DistrictCorrectionTest {

    static final LocalDate DATE = LocalDate.of(2020, 1, 1);
    static final DecisionReference KD = new DecisionReference(null, null, DATE, "Kommundirektören", DecisionReference.DatePrecision.MONTH);
    static final String KEY = Districts.key("Lambohov");

    CorrectionFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CorrectionFixture(District.class, KEY, c -> {
        });
    }

    @AfterEach
    void tearDown() {
        fixture.shutdown();
    }

    @Test
    void given_a_registration_with_the_wrong_municipality_when_corrected_then_entry_corrected_and_the_replacement_follow() {
        List<String> ids = fixture.given(new DistrictRegistered("Lambohov", "Norrköping", DATE, KD));
        DistrictRegistered corrected = new DistrictRegistered("Lambohov", "Linköping", DATE, KD);

        var appended = fixture.when(fixture.correction(ids.get(0), corrected, "Fel kommun"));

        assertThat(appended).hasSize(2);
        assertThat(appended.get(0).payload()).isInstanceOf(EntryCorrected.class);
        assertThat(appended.get(1).payload()).isEqualTo(corrected);
        assertThat(appended.get(1).metaData()).containsEntry(EntryCorrected.CORRECTS, ids.get(0));
    }

    @Test
    void given_a_registration_when_its_name_is_corrected_or_it_is_annulled_then_it_is_refused() {
        List<String> ids = fixture.given(new DistrictRegistered("Lambohov", "Linköping", DATE, KD));

        RuleViolation renamed = fixture.refused(fixture.correction(ids.get(0),
                new DistrictRegistered("Lamboghov", "Linköping", DATE, KD), "Stavning"));
        assertThat(renamed.rule()).isEqualTo("district-name-not-correctable");
        assertThat(renamed.field()).isEqualTo("changes.name");

        RuleViolation annulled = fixture.refused(fixture.correction(ids.get(0), null, "Fanns inte"));
        assertThat(annulled.rule()).isEqualTo("registration-not-annullable");
    }

    @Test
    void given_an_annulled_designation_when_designated_again_then_it_is_accepted() {
        List<String> ids = fixture.given(new DistrictRegistered("Lambohov", "Linköping", DATE, KD),
                new PriorityDistrictDesignated("Lambohov", DATE, KD));

        var annulment = fixture.when(fixture.correction(ids.get(1), null, "Ingen källa anger prioriteringen"));
        assertThat(annulment).singleElement().satisfies(e -> assertThat(((EntryCorrected) e.payload()).annulled()).isTrue());

        var again = fixture.when(new DesignatePriorityDistrict("Lambohov", KD, DATE));
        assertThat(again).singleElement().satisfies(e -> assertThat(e.payload()).isInstanceOf(PriorityDistrictDesignated.class));
    }

    @Test
    void given_a_designation_when_corrected_without_a_reason_then_reason_required() {
        List<String> ids = fixture.given(new DistrictRegistered("Lambohov", "Linköping", DATE, KD),
                new PriorityDistrictDesignated("Lambohov", DATE, KD));

        RuleViolation refusal = fixture.refused(fixture.correction(ids.get(1),
                new PriorityDistrictDesignated("Lambohov", LocalDate.of(2020, 2, 1), KD), " "));

        assertThat(refusal.rule()).isEqualTo("reason-required");
    }
}

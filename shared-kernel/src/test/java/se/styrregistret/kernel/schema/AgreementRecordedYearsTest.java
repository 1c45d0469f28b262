package se.styrregistret.kernel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.schema.GoldenSamples.Sample;

import static org.assertj.core.api.Assertions.assertThat;

/** The one real change of shape so far: AgreementRecorded revision 2 calls the period's years firstYear/lastYear. */
class AgreementRecordedYearsTest {

    @Test
    void given_an_agreement_stored_before_revisions_with_periodFrom_and_periodTo_when_read_then_it_has_firstYear_and_lastYear() {
        AgreementRecorded agreement = (AgreementRecorded) GoldenSamplesTest.readWithTheCurrentCode(
                GoldenSamples.sample(AgreementRecorded.class, null));

        assertThat(agreement.firstYear()).isEqualTo(2019);
        assertThat(agreement.lastYear()).isEqualTo(2022);
        assertThat(agreement.title()).startsWith("Samverkansöverenskommelse");
    }

    @Test
    void given_an_agreement_of_revision_1_when_read_then_it_is_revision_2_with_the_same_years() {
        Sample revision1 = GoldenSamples.sample(AgreementRecorded.class, "1");
        assertThat(revision1.json().has("periodFrom")).isTrue();

        IntermediateEventRepresentation read = GoldenSamplesTest.upcast(revision1);
        AgreementRecorded agreement = (AgreementRecorded) GoldenSamplesTest.readWithTheCurrentCode(revision1);

        assertThat(read.getType()).isEqualTo(AgreementRecordedYears.TO);
        assertThat(agreement.firstYear()).isEqualTo(2019);
        assertThat(agreement.lastYear()).isEqualTo(2022);
    }

    @Test
    void given_revision_1_json_when_renamed_then_only_the_two_names_change_and_the_order_stays() {
        JsonNode renamed = AgreementRecordedYears.renamed(GoldenSamples.sample(AgreementRecorded.class, "1").json());

        assertThat(renamed.fieldNames()).toIterable().containsExactly("agreementId", "kind", "title", "parties",
                "firstYear", "lastYear", "commitments", "signatory", "note", "effectiveDate", "decision");
        assertThat(renamed.get("lastYear").intValue()).isEqualTo(2022);
    }

    @Test
    void given_an_agreement_of_revision_2_when_read_then_the_upcaster_leaves_it_alone() {
        IntermediateEventRepresentation read = GoldenSamplesTest.upcast(GoldenSamples.sample(AgreementRecorded.class, "2"));

        assertThat(read.getType()).isEqualTo(AgreementRecordedYears.TO);
        assertThat(read.getMetaData().getObject()).doesNotContainKey(StoredForm.METADATA_KEY);
    }
}

package se.styrregistret.query.agreement;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.agreement.FindAgreements;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreements as recorded, corrected and annulled (issue 18). */
class AgreementProjectionTest extends QueryServiceTest {

    static final LocalDate DATE = LocalDate.of(2019, 6, 1);
    static final DecisionReference KS = new DecisionReference("KS 2019-0001", null, DATE, "Kommunstyrelsen");

    @Autowired
    AgreementProjection projection;

    @Test
    void a_corrected_agreement_shows_as_corrected_and_an_annulled_one_no_longer_shows() {
        AgreementId promise = AgreementId.of("medborgarlofte-" + UUID.randomUUID());
        AgreementId other = AgreementId.of("overenskommelse-" + UUID.randomUUID());
        long recorded = append("Agreement", promise.value(), agreement(promise, "Medborgarlöfte 2019", 2019, 2020));
        long wrong = append("Agreement", other.value(), agreement(other, "Registrerad av misstag", 2019, 2019));
        append("Agreement", promise.value(), new EntryCorrected(promise.value(), eventIdAt(recorded), recorded,
                "AgreementRecorded", false, "Löftet gäller 2019–2021", KS));
        long replaced = append("Agreement", promise.value(), agreement(promise, "Medborgarlöfte 2019", 2019, 2021),
                MetaData.with("recordedBy", "test-registrar").and(EntryCorrected.CORRECTS, eventIdAt(recorded)));
        long annulled = append("Agreement", other.value(), new EntryCorrected(other.value(), eventIdAt(wrong), wrong,
                "AgreementRecorded", true, "Registrerad av misstag", null));
        awaitProjection(AgreementProjection.NAME, annulled);

        List<AgreementView> now = projection.handle(new FindAgreements()).agreements();
        assertThat(now).filteredOn(a -> a.id().equals(promise)).singleElement().satisfies(a -> {
            assertThat(a.periodTo()).isEqualTo(2021);
            assertThat(a.revision()).isEqualTo(replaced);
        });
        assertThat(now).noneMatch(a -> a.id().equals(other));
    }

    static AgreementRecorded agreement(AgreementId id, String title, int firstYear, int lastYear) {
        return new AgreementRecorded(id, AgreementKind.CITIZEN_PROMISE, title, List.of("Polisen", "Linköpings kommun"),
                firstYear, lastYear, List.of("Trygghetsvandringar"), null, null, DATE, KS);
    }
}

package se.styrregistret.command.agreement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.agreement.RecordAgreement;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

class AgreementTest {

    static final AgreementId OTMB = AgreementId.of("otmb-2022-2027");
    static final DecisionReference KS_2021_1087 =
            new DecisionReference("KS 2021-1087", null, LocalDate.of(2022, 1, 3), "Kommunstyrelsen");
    static final List<String> PARTIES = List.of("Länsstyrelsen Östergötland", "Polismyndigheten", "Linköpings kommun");
    static final List<String> COMMITMENTS = List.of("Minst en tjänsteperson i minst en arbetsgrupp under 2022–2027");

    FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    RecordAgreement otmb(Integer from, Integer to, List<String> parties) {
        return new RecordAgreement(OTMB, AgreementKind.PROGRAMME_DECLARATION, "Östergötland tillsammans mot brott",
                parties, from, to, COMMITMENTS, "Kommunstyrelsens ordförande", null, LocalDate.of(2022, 1, 3), KS_2021_1087);
    }

    @Test
    void records_the_programme_declaration_with_its_period_and_commitment() {
        fixture.givenNoPriorActivity()
                .when(otmb(2022, 2027, PARTIES))
                .expectEvents(new AgreementRecorded(OTMB, AgreementKind.PROGRAMME_DECLARATION,
                        "Östergötland tillsammans mot brott", PARTIES, 2022, 2027, COMMITMENTS,
                        "Kommunstyrelsens ordförande", null, LocalDate.of(2022, 1, 3), KS_2021_1087));
    }

    @Test
    void rejects_a_period_that_ends_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(otmb(2027, 2022, PARTIES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Perioden slutar före den börjar")
                .expectNoEvents();
    }

    @Test
    void rejects_an_agreement_with_one_party() {
        fixture.givenNoPriorActivity()
                .when(otmb(2022, 2027, List.of("Linköpings kommun")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_recording_the_same_agreement_twice() {
        fixture.given(new AgreementRecorded(OTMB, AgreementKind.PROGRAMME_DECLARATION, "Östergötland tillsammans mot brott",
                        PARTIES, 2022, 2027, COMMITMENTS, null, null, LocalDate.of(2022, 1, 3), KS_2021_1087))
                .when(otmb(2022, 2027, PARTIES))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}

package se.styrregistret.command.district;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DesignatePriorityDistrict;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import se.styrregistret.kernel.district.RegisterDistrict;

import java.time.LocalDate;

import static se.styrregistret.command.support.Rules.rule;

/** Districts are data (issue 19): registered by a decision, once per name however it is spelled, then designated. */
class DistrictTest {

    static final LocalDate DATE = LocalDate.of(2022, 3, 1);
    static final DecisionReference KS = new DecisionReference("KS 2022-0001", "§ 12", DATE, "Kommunstyrelsen");

    FixtureConfiguration<District> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(District.class);
    }

    @Test
    void registers_a_district_under_its_proper_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDistrict(" Navestad ", "Norrköping", KS, DATE))
                .expectResultMessagePayload("Navestad")
                .expectEvents(new DistrictRegistered("Navestad", "Norrköping", DATE, KS));
    }

    @Test
    void a_district_already_registered_is_refused_whatever_its_spelling() {
        fixture.given(new DistrictRegistered("Lambohov", "Linköping", DATE, KS))
                .when(new RegisterDistrict("LAMBOHOV", null, KS, DATE))
                .expectException(rule("district-already-registered", "Lambohov"))
                .expectNoEvents();
    }

    @Test
    void a_district_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDistrict("  ", null, KS, DATE))
                .expectException(rule("district-name-required"))
                .expectNoEvents();
    }

    @Test
    void a_district_needs_a_decision() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDistrict("Lambohov", null, null, DATE))
                .expectException(rule("decision-required"))
                .expectNoEvents();
    }

    @Test
    void designates_a_registered_district_in_its_proper_spelling() {
        fixture.given(new DistrictRegistered("Skäggetorp", "Linköping", DATE, KS))
                .when(new DesignatePriorityDistrict("skäggetorp", KS, DATE))
                .expectResultMessagePayload("Skäggetorp")
                .expectEvents(new PriorityDistrictDesignated("Skäggetorp", DATE, KS));
    }

    @Test
    void an_unregistered_district_cannot_be_designated() {
        fixture.givenNoPriorActivity()
                .when(new DesignatePriorityDistrict("Atlantis", KS, DATE))
                .expectException(rule("district-unknown", "Atlantis"))
                .expectNoEvents();
    }

    @Test
    void a_district_is_designated_once() {
        fixture.given(new DistrictRegistered("Ryd", null, DATE, KS), new PriorityDistrictDesignated("Ryd", DATE, KS))
                .when(new DesignatePriorityDistrict("Ryd", KS, DATE))
                .expectException(rule("district-already-priority", "Ryd"))
                .expectNoEvents();
    }
}

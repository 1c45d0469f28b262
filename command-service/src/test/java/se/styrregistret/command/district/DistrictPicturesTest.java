package se.styrregistret.command.district;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.RecordDistrictPicture;

import java.time.LocalDate;

class DistrictPicturesTest {

    static final LocalDate DATE = LocalDate.of(2020, 6, 1);
    static final DecisionReference STYRGRUPPEN = new DecisionReference(null, null, DATE, "Styrgruppen mot segregation");

    FixtureConfiguration<DistrictPictures> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DistrictPictures.class);
        fixture.registerInjectableResource(InMemoryDistrictLookup.linkoping().registered("Lambohov"));
    }

    @Test
    void records_the_first_version_of_a_picture() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Skäggetorp", PictureKind.CURRENT_STATE, " Nuläge ", DATE, STYRGRUPPEN))
                .expectResultMessagePayload(1)
                .expectEvents(new DistrictPictureRecorded("Skäggetorp", PictureKind.CURRENT_STATE, 1, "Nuläge", DATE, STYRGRUPPEN));
    }

    @Test
    void keeps_every_version_and_numbers_them_per_kind() {
        fixture.given(new DistrictPictureRecorded("Berga", PictureKind.CURRENT_STATE, 1, "Nuläge 1", DATE, STYRGRUPPEN),
                        new DistrictPictureRecorded("Berga", PictureKind.TARGET, 1, "Målbild 1", DATE, STYRGRUPPEN))
                .when(new RecordDistrictPicture("Berga", PictureKind.CURRENT_STATE, "Nuläge 2", DATE, STYRGRUPPEN))
                .expectResultMessagePayload(2)
                .expectEvents(new DistrictPictureRecorded("Berga", PictureKind.CURRENT_STATE, 2, "Nuläge 2", DATE, STYRGRUPPEN));
    }

    @Test
    void rejects_the_same_text_again() {
        fixture.given(new DistrictPictureRecorded("Ryd", PictureKind.ACTION_PLAN, 1, "Handlingsplan", DATE, STYRGRUPPEN))
                .when(new RecordDistrictPicture("Ryd", PictureKind.ACTION_PLAN, "Handlingsplan", DATE, STYRGRUPPEN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void records_a_picture_for_any_registered_district() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Lambohov", PictureKind.TARGET, "Målbild", DATE, STYRGRUPPEN))
                .expectEvents(new DistrictPictureRecorded("Lambohov", PictureKind.TARGET, 1, "Målbild", DATE, STYRGRUPPEN));
    }

    @Test
    void rejects_a_district_that_is_not_registered_as_district_unknown() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Navestad", PictureKind.TARGET, "Målbild", DATE, STYRGRUPPEN))
                .expectException(se.styrregistret.command.support.Rules.rule("district-unknown", "Navestad"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_district_that_is_not_a_priority_district() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Atlantis", PictureKind.TARGET, "Målbild", DATE, STYRGRUPPEN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_blank_text() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Ryd", PictureKind.TARGET, "  ", DATE, STYRGRUPPEN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_picture_without_a_decision() {
        fixture.givenNoPriorActivity()
                .when(new RecordDistrictPicture("Ryd", PictureKind.TARGET, "Målbild", DATE, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Varje ändring måste hänvisa till ett beslut")
                .expectNoEvents();
    }
}

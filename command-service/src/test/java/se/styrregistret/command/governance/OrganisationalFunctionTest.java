package se.styrregistret.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.TransferFunction;

import java.time.LocalDate;

class OrganisationalFunctionTest {

    static final LocalDate EFFECTIVE = LocalDate.of(2021, 3, 2);
    static final DecisionReference KS = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

    FixtureConfiguration<OrganisationalFunction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganisationalFunction.class);
    }

    TransferFunction transfer(String from, String to, LocalDate effective) {
        return new TransferFunction("stadsdelssamordnare", "Stadsdelssamordnare", from, to, effective, KS);
    }

    @Test
    void moves_the_district_coordinators_to_leanlink() {
        fixture.givenNoPriorActivity()
                .when(transfer("Verksamhetsstöd och service", "Leanlink", EFFECTIVE))
                .expectEvents(new FunctionTransferred("stadsdelssamordnare", "Stadsdelssamordnare",
                        "Verksamhetsstöd och service", "Leanlink", EFFECTIVE, KS));
    }

    @Test
    void rejects_a_transfer_from_an_organisation_that_does_not_hold_the_function() {
        fixture.given(new FunctionTransferred("stadsdelssamordnare", "Stadsdelssamordnare",
                        "Verksamhetsstöd och service", "Leanlink", EFFECTIVE, KS))
                .when(transfer("Verksamhetsstöd och service", "Kommunledningsförvaltningen", EFFECTIVE.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Funktionen ligger hos Leanlink, inte hos Verksamhetsstöd och service")
                .expectNoEvents();
    }

    @Test
    void rejects_a_transfer_to_the_same_organisation() {
        fixture.givenNoPriorActivity()
                .when(transfer("Leanlink", "leanlink", EFFECTIVE))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}

package se.styrregistret.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.List;

class GovernanceBodyTest {

    static final GovernanceBodyId ID = GovernanceBodyId.of("political-steering-group");
    static final DecisionReference KS_2019_1003 =
            new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");

    FixtureConfiguration<GovernanceBody> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GovernanceBody.class);
    }

    static EstablishGovernanceBody establish(String name, DecisionReference decision) {
        return new EstablishGovernanceBody(ID, name, null, Level.POLITICAL, Scope.municipality(),
                List.of("Övergripande politisk styrning"), "KS ordförande", "3 gånger per år", List.of("KLF (Säkerhetsenheten)"),
                List.of(new Member("Kommunpolis", null)), LocalDate.of(2020, 1, 20), decision);
    }

    static GovernanceBodyEstablished established() {
        var c = establish("Politisk styrgrupp", KS_2019_1003);
        return new GovernanceBodyEstablished(c.bodyId(), c.name(), c.shortName(), c.level(), c.scope(), c.mandate(),
                c.convener(), c.meetingFrequency(), c.supportingResources(), c.members(), c.effectiveDate(), c.decision());
    }

    @Test
    void establishes_a_body_that_cites_its_decision() {
        fixture.givenNoPriorActivity()
                .when(establish("Politisk styrgrupp", KS_2019_1003))
                .expectSuccessfulHandlerExecution()
                .expectEvents(established());
    }

    @Test
    void rejects_a_blank_name() {
        fixture.givenNoPriorActivity()
                .when(establish("  ", KS_2019_1003))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Ett organ måste ha ett namn")
                .expectNoEvents();
    }

    @Test
    void rejects_a_change_without_a_decision() {
        fixture.givenNoPriorActivity()
                .when(establish("Politisk styrgrupp", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_establishing_the_same_body_twice() {
        fixture.given(established())
                .when(establish("Politisk styrgrupp", KS_2019_1003))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Organet political-steering-group är redan inrättat")
                .expectNoEvents();
    }
}

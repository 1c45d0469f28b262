package se.styrregistret.command.budget;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.ExtendBudgetFrame;
import se.styrregistret.kernel.budget.OpenBudgetFrame;

import static se.styrregistret.command.budget.BudgetFixtures.EFFECTIVE;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_03;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_08;
import static se.styrregistret.command.budget.BudgetFixtures.KS_FRAME;

class BudgetFrameTest {

    FixtureConfiguration<BudgetFrame> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetFrame.class);
    }

    static OpenBudgetFrame open(long amount) {
        return new OpenBudgetFrame(KS_FRAME, "Kommunstyrelsen", 2021, amount, null, EFFECTIVE, KS_2021_03);
    }

    static BudgetFrameOpened opened(long amount) {
        return new BudgetFrameOpened(KS_FRAME, "Kommunstyrelsen", 2021, amount, null, EFFECTIVE, KS_2021_03);
    }

    @Test
    void opens_a_frame_for_a_committee_and_year() {
        fixture.givenNoPriorActivity()
                .when(open(0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(0));
    }

    @Test
    void rejects_a_negative_frame() {
        fixture.givenNoPriorActivity()
                .when(open(-1))
                .expectException(RuleViolation.class)
                .expectException(BudgetFrameTest.rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_opening_the_same_frame_twice() {
        fixture.given(opened(0))
                .when(open(0))
                .expectException(rule("frame-already-opened"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_implausible_year() {
        fixture.givenNoPriorActivity()
                .when(new OpenBudgetFrame(KS_FRAME, "Kommunstyrelsen", 21, 0, null, EFFECTIVE, KS_2021_03))
                .expectException(rule("fiscal-year-plausible"))
                .expectNoEvents();
    }

    @Test
    void extends_a_frame_from_resource_funds() {
        fixture.given(opened(0))
                .when(new ExtendBudgetFrame(KS_FRAME, 3_000_000, "KS resursfond 2021", EFFECTIVE, KS_2021_08))
                .expectEvents(new BudgetFrameExtended(KS_FRAME, "Kommunstyrelsen", 2021, 3_000_000, "KS resursfond 2021",
                        EFFECTIVE, KS_2021_08));
    }

    @Test
    void rejects_a_zero_extension() {
        fixture.given(opened(0))
                .when(new ExtendBudgetFrame(KS_FRAME, 0, "KS resursfond 2021", EFFECTIVE, KS_2021_08))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_extension_without_its_financing() {
        fixture.given(opened(0))
                .when(new ExtendBudgetFrame(KS_FRAME, 3_000_000, " ", EFFECTIVE, KS_2021_08))
                .expectException(rule("financed-from-required"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_extension_without_a_decision() {
        fixture.given(opened(0))
                .when(new ExtendBudgetFrame(KS_FRAME, 3_000_000, "KS resursfond 2021", EFFECTIVE, null))
                .expectException(rule("decision-required"))
                .expectNoEvents();
    }

    /** Matches a {@link RuleViolation} naming {@code rule}. */
    static org.hamcrest.Matcher<RuleViolation> rule(String rule) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return rule.equals(item.rule());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a rule violation of " + rule);
            }
        };
    }
}

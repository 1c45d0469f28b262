package se.styrregistret.command.budget;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.ReferFinancing;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.budget.RegisterGrant;
import se.styrregistret.kernel.budget.SettleReferral;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

import static se.styrregistret.command.budget.BudgetFixtures.DMS_GRANT;
import static se.styrregistret.command.budget.BudgetFixtures.EFFECTIVE;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_03;
import static se.styrregistret.command.budget.BudgetFixtures.SON;
import static se.styrregistret.command.budget.BudgetFrameTest.rule;

class GrantAndReferralTest {

    static final ReferralId REFERRAL = ReferralId.of("omradesteam-2022");
    static final DecisionReference BUDGET_2022 = new DecisionReference(null, null, LocalDate.of(2021, 11, 30), "Kommunfullmäktige");

    static RegisterGrant grant(long amount, String grantor) {
        return new RegisterGrant(DMS_GRANT, grantor, 2021, amount, "Områdesteam", EFFECTIVE, KS_2021_03);
    }

    static final GrantRegistered GRANT_REGISTERED =
            new GrantRegistered(DMS_GRANT, "Delegationen mot segregation", 2021, 2_100_000, "Områdesteam", EFFECTIVE, KS_2021_03);

    @Test
    void registers_a_state_grant() {
        new AggregateTestFixture<>(Grant.class).givenNoPriorActivity()
                .when(grant(2_100_000, "Delegationen mot segregation"))
                .expectEvents(GRANT_REGISTERED);
    }

    @Test
    void rejects_a_grant_without_grantor() {
        new AggregateTestFixture<>(Grant.class).givenNoPriorActivity()
                .when(grant(2_100_000, ""))
                .expectException(rule("grantor-required"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_negative_grant() {
        new AggregateTestFixture<>(Grant.class).givenNoPriorActivity()
                .when(grant(-2_100_000, "Delegationen mot segregation"))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_registering_a_grant_twice() {
        new AggregateTestFixture<>(Grant.class).given(GRANT_REGISTERED)
                .when(grant(2_100_000, "Delegationen mot segregation"))
                .expectException(rule("grant-already-registered"))
                .expectNoEvents();
    }

    static ReferFinancing refer(String referredTo) {
        return new ReferFinancing(REFERRAL, 2022, "Områdesteamens finansiering 2022", referredTo, SON, null, EFFECTIVE, KS_2021_03);
    }

    static final FinancingReferred REFERRED = new FinancingReferred(REFERRAL, 2022, "Områdesteamens finansiering 2022",
            "Budgetberedningen", SON, null, EFFECTIVE, KS_2021_03);

    @Test
    void refers_financing_to_the_budget_drafting() {
        new AggregateTestFixture<>(Referral.class).givenNoPriorActivity()
                .when(refer("Budgetberedningen"))
                .expectEvents(REFERRED);
    }

    @Test
    void rejects_a_referral_that_names_no_process() {
        new AggregateTestFixture<>(Referral.class).givenNoPriorActivity()
                .when(refer(" "))
                .expectException(rule("referred-to-required"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_referral_with_a_negative_estimate() {
        new AggregateTestFixture<>(Referral.class).givenNoPriorActivity()
                .when(new ReferFinancing(REFERRAL, 2022, "X", "Budgetberedningen", null, -1L, EFFECTIVE, KS_2021_03))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void settles_a_referral() {
        var settle = new SettleReferral(REFERRAL, "Finansierat i budget 2022", AllocationId.of("a-2022"),
                LocalDate.of(2022, 1, 1), BUDGET_2022);
        new AggregateTestFixture<>(Referral.class).given(REFERRED)
                .when(settle)
                .expectEvents(new ReferralSettled(REFERRAL, 2022, "Finansierat i budget 2022", AllocationId.of("a-2022"),
                        LocalDate.of(2022, 1, 1), BUDGET_2022));
    }

    @Test
    void rejects_settling_twice() {
        new AggregateTestFixture<>(Referral.class).given(REFERRED, new ReferralSettled(REFERRAL, 2022, "Klart", null,
                        LocalDate.of(2022, 1, 1), BUDGET_2022))
                .when(new SettleReferral(REFERRAL, "Igen", null, LocalDate.of(2022, 1, 1), BUDGET_2022))
                .expectException(rule("referral-already-settled"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_settlement_without_outcome() {
        new AggregateTestFixture<>(Referral.class).given(REFERRED)
                .when(new SettleReferral(REFERRAL, "", null, LocalDate.of(2022, 1, 1), BUDGET_2022))
                .expectException(rule("outcome-required"))
                .expectNoEvents();
    }
}

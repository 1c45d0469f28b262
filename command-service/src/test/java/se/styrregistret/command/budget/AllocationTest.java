package se.styrregistret.command.budget;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.budget.AllocateBudget;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.DistributeAllocation;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReverseAllocation;

import java.time.LocalDate;
import java.util.List;

import static se.styrregistret.command.budget.BudgetFixtures.ALLOCATION;
import static se.styrregistret.command.budget.BudgetFixtures.BERGA;
import static se.styrregistret.command.budget.BudgetFixtures.DMS_GRANT;
import static se.styrregistret.command.budget.BudgetFixtures.EFFECTIVE;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_03;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_08;
import static se.styrregistret.command.budget.BudgetFixtures.KS_FRAME;
import static se.styrregistret.command.budget.BudgetFixtures.LIBRA;
import static se.styrregistret.command.budget.BudgetFixtures.LIBRA_ENDED;
import static se.styrregistret.command.budget.BudgetFixtures.RYD;
import static se.styrregistret.command.budget.BudgetFixtures.SKAGGETORP;
import static se.styrregistret.command.budget.BudgetFixtures.SON;
import static se.styrregistret.command.budget.BudgetFixtures.areaTeam;
import static se.styrregistret.command.budget.BudgetFrameTest.rule;

class AllocationTest {

    static final FundingSource KS_FUNDS = FundingSource.resourceFunds("Kommunstyrelsen 2021");
    static final FundingSource FRAME = FundingSource.frame(KS_FRAME, "Kommunstyrelsens budgetram 2021");
    static final FundingSource GRANT = FundingSource.grant(DMS_GRANT, "Delegationen mot segregation");

    FixtureConfiguration<Allocation> fixture;
    BudgetFixtures.Balances balances;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Allocation.class);
        balances = new BudgetFixtures.Balances()
                .with(KS_FRAME.value(), 2021, 3_000_000, 0)
                .with(DMS_GRANT.value(), 2021, 2_100_000, 0);
        fixture.registerInjectableResource(BudgetFixtures.bodies());
        fixture.registerInjectableResource(balances);
    }

    static AllocateBudget allocate(long amount, FundingSource source, Recipient recipient) {
        return new AllocateBudget(ALLOCATION, 2021, amount, source, recipient, "Områdesteam", EFFECTIVE, KS_2021_03);
    }

    static BudgetAllocated allocated(long amount, FundingSource source, Recipient recipient) {
        return new BudgetAllocated(ALLOCATION, 2021, amount, source, recipient, "Områdesteam", EFFECTIVE, KS_2021_03);
    }

    // --- AllocateBudget

    @Test
    void allocates_resource_funds_to_a_committee() {
        fixture.givenNoPriorActivity()
                .when(allocate(2_520_000, KS_FUNDS, SON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(allocated(2_520_000, KS_FUNDS, SON));
    }

    @Test
    void allocates_a_grant_to_an_active_area_team() {
        fixture.givenNoPriorActivity()
                .when(allocate(2_100_000, GRANT, areaTeam(BERGA, "Berga")))
                .expectEvents(allocated(2_100_000, GRANT, areaTeam(BERGA, "Berga")));
    }

    @Test
    void allocates_all_that_remains_of_a_frame() {
        balances.with(KS_FRAME.value(), 2021, 3_000_000, 1_000_000);
        fixture.givenNoPriorActivity()
                .when(allocate(2_000_000, FRAME, SON))
                .expectEvents(allocated(2_000_000, FRAME, SON));
    }

    @Test
    void rejects_an_allocation_beyond_what_remains_of_the_frame() {
        balances.with(KS_FRAME.value(), 2021, 3_000_000, 1_000_000);
        fixture.givenNoPriorActivity()
                .when(allocate(2_000_001, FRAME, SON))
                .expectException(rule("frame-exceeded"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_allocation_beyond_the_grant() {
        fixture.givenNoPriorActivity()
                .when(allocate(2_100_001, GRANT, SON))
                .expectException(rule("grant-exceeded"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_allocation_from_an_unknown_frame() {
        fixture.givenNoPriorActivity()
                .when(allocate(1, FundingSource.frame(se.styrregistret.kernel.budget.BudgetFrameId.of("nope"), "Okänd"), SON))
                .expectException(rule("frame-unknown"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_allocation_from_a_frame_of_another_year() {
        fixture.givenNoPriorActivity()
                .when(new AllocateBudget(ALLOCATION, 2022, 1, FRAME, SON, null, EFFECTIVE, KS_2021_03))
                .expectException(rule("fiscal-year-mismatch"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_zero_amount() {
        fixture.givenNoPriorActivity()
                .when(allocate(0, KS_FUNDS, SON))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_negative_amount() {
        fixture.givenNoPriorActivity()
                .when(allocate(-2_520_000, KS_FUNDS, SON))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_money_to_a_replaced_body() {
        fixture.givenNoPriorActivity()
                .when(allocate(1_000, KS_FUNDS, new Recipient(RecipientKind.GOVERNANCE_BODY, LIBRA, "LiBrå", null)))
                .expectException(rule("recipient-not-active"))
                .expectNoEvents();
    }

    @Test
    void money_to_a_body_dated_before_it_ended_is_accepted_when_recorded_late() {
        Recipient libra = new Recipient(RecipientKind.GOVERNANCE_BODY, LIBRA, "LiBrå", null);
        LocalDate before = LIBRA_ENDED.minusDays(1);
        fixture.givenNoPriorActivity()
                .when(new AllocateBudget(ALLOCATION, 2019, 1_000, KS_FUNDS, libra, null, before, KS_2021_03))
                .expectEvents(new BudgetAllocated(ALLOCATION, 2019, 1_000, KS_FUNDS, libra, null, before, KS_2021_03));
    }

    @Test
    void money_to_a_body_dated_on_the_day_it_ended_is_refused() {
        Recipient libra = new Recipient(RecipientKind.GOVERNANCE_BODY, LIBRA, "LiBrå", null);
        fixture.givenNoPriorActivity()
                .when(new AllocateBudget(ALLOCATION, 2020, 1_000, KS_FUNDS, libra, null, LIBRA_ENDED, KS_2021_03))
                .expectException(rule("recipient-not-active"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_area_team_without_its_body() {
        fixture.givenNoPriorActivity()
                .when(allocate(1_000, KS_FUNDS, new Recipient(RecipientKind.AREA_TEAM, null, "Områdesteam Ryd", "Ryd")))
                .expectException(rule("recipient-inconsistent"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_frame_source_without_its_frame() {
        fixture.givenNoPriorActivity()
                .when(allocate(1_000, new FundingSource(se.styrregistret.kernel.budget.SourceKind.FRAME, null, null, "Ram"), SON))
                .expectException(rule("source-inconsistent"))
                .expectNoEvents();
    }

    @Test
    void rejects_allocating_the_same_allocation_twice() {
        fixture.given(allocated(2_520_000, KS_FUNDS, SON))
                .when(allocate(2_520_000, KS_FUNDS, SON))
                .expectException(rule("allocation-already-recorded"))
                .expectNoEvents();
    }

    // --- DistributeAllocation

    static List<AllocationPart> parts(long berga, long ryd, long skaggetorp) {
        return List.of(new AllocationPart(areaTeam(BERGA, "Berga"), berga, null),
                new AllocationPart(areaTeam(RYD, "Ryd"), ryd, null),
                new AllocationPart(areaTeam(SKAGGETORP, "Skäggetorp"), skaggetorp, null));
    }

    @Test
    void distributes_an_allocation_in_parts_that_sum_to_the_whole() {
        fixture.given(allocated(4_000_000, KS_FUNDS, SON))
                .when(new DistributeAllocation(ALLOCATION, parts(1_334_000, 1_333_000, 1_333_000), EFFECTIVE, KS_2021_03))
                .expectEvents(new AllocationDistributed(ALLOCATION, 2021, 4_000_000, KS_FUNDS, SON,
                        parts(1_334_000, 1_333_000, 1_333_000), EFFECTIVE, KS_2021_03));
    }

    @Test
    void rejects_parts_that_sum_to_less_than_the_whole() {
        fixture.given(allocated(4_000_000, KS_FUNDS, SON))
                .when(new DistributeAllocation(ALLOCATION, parts(1_333_000, 1_333_000, 1_333_000), EFFECTIVE, KS_2021_03))
                .expectException(rule("distribution-sum-exact"))
                .expectNoEvents();
    }

    @Test
    void rejects_parts_that_sum_to_more_than_the_whole() {
        fixture.given(allocated(4_000_000, KS_FUNDS, SON))
                .when(new DistributeAllocation(ALLOCATION, parts(1_334_000, 1_334_000, 1_333_000), EFFECTIVE, KS_2021_03))
                .expectException(rule("distribution-sum-exact"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_part_to_a_replaced_body() {
        fixture.given(allocated(1_000, KS_FUNDS, SON))
                .when(new DistributeAllocation(ALLOCATION, List.of(new AllocationPart(
                        new Recipient(RecipientKind.GOVERNANCE_BODY, LIBRA, "LiBrå", null), 1_000, null)), EFFECTIVE, KS_2021_03))
                .expectException(rule("recipient-not-active"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_second_distribution() {
        fixture.given(allocated(4_000_000, KS_FUNDS, SON), new AllocationDistributed(ALLOCATION, 2021, 4_000_000, KS_FUNDS, SON,
                        parts(1_334_000, 1_333_000, 1_333_000), EFFECTIVE, KS_2021_03))
                .when(new DistributeAllocation(ALLOCATION, parts(1_334_000, 1_333_000, 1_333_000), EFFECTIVE, KS_2021_03))
                .expectException(rule("allocation-already-distributed"))
                .expectNoEvents();
    }

    @Test
    void distributes_what_is_left_after_a_reversal() {
        fixture.given(allocated(4_000_000, KS_FUNDS, SON),
                        new AllocationReversed(ALLOCATION, 2021, 1_000_000, KS_FUNDS, SON, "Fel belopp", EFFECTIVE, KS_2021_08))
                .when(new DistributeAllocation(ALLOCATION, parts(1_000_000, 1_000_000, 1_000_000), EFFECTIVE, KS_2021_08))
                .expectSuccessfulHandlerExecution();
    }

    // --- ReverseAllocation

    @Test
    void reverses_part_of_an_allocation() {
        fixture.given(allocated(2_520_000, KS_FUNDS, SON))
                .when(new ReverseAllocation(ALLOCATION, 520_000, "Felregistrerat belopp", EFFECTIVE, KS_2021_08))
                .expectEvents(new AllocationReversed(ALLOCATION, 2021, 520_000, KS_FUNDS, SON, "Felregistrerat belopp",
                        EFFECTIVE, KS_2021_08));
    }

    @Test
    void rejects_a_reversal_beyond_what_it_reverses() {
        fixture.given(allocated(2_520_000, KS_FUNDS, SON),
                        new AllocationReversed(ALLOCATION, 2021, 520_000, KS_FUNDS, SON, "Fel", EFFECTIVE, KS_2021_08))
                .when(new ReverseAllocation(ALLOCATION, 2_000_001, "Allt", EFFECTIVE, KS_2021_08))
                .expectException(rule("reversal-exceeds-allocation"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_zero_reversal() {
        fixture.given(allocated(2_520_000, KS_FUNDS, SON))
                .when(new ReverseAllocation(ALLOCATION, 0, "Inget", EFFECTIVE, KS_2021_08))
                .expectException(rule("amount-positive"))
                .expectNoEvents();
    }

    @Test
    void rejects_reversing_a_distributed_allocation() {
        fixture.given(allocated(3_000_000, KS_FUNDS, SON), new AllocationDistributed(ALLOCATION, 2021, 3_000_000, KS_FUNDS, SON,
                        parts(1_000_000, 1_000_000, 1_000_000), EFFECTIVE, KS_2021_03))
                .when(new ReverseAllocation(ALLOCATION, 1_000, "Fel", EFFECTIVE, KS_2021_08))
                .expectException(rule("allocation-distributed"))
                .expectNoEvents();
    }
}

package se.styrregistret.command.budget;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.governance.BodyLookup;
import se.styrregistret.command.support.CorrectionFixture;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.correction.EntryCorrected;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.command.budget.BudgetFixtures.ALLOCATION;
import static se.styrregistret.command.budget.BudgetFixtures.DMS_GRANT;
import static se.styrregistret.command.budget.BudgetFixtures.EFFECTIVE;
import static se.styrregistret.command.budget.BudgetFixtures.KS_2021_03;
import static se.styrregistret.command.budget.BudgetFixtures.KS_FRAME;
import static se.styrregistret.command.budget.BudgetFixtures.LIBRA;
import static se.styrregistret.command.budget.BudgetFixtures.SON;

/** Corrections of money: the budget rules hold on the corrected figures, as they would for a new allocation. */
class BudgetCorrectionTest {

    static final FundingSource FRAME = FundingSource.frame(KS_FRAME, "Kommunstyrelsens budgetram 2021");
    final BudgetFixtures.Balances balances = new BudgetFixtures.Balances();
    CorrectionFixture fixture;

    CorrectionFixture on(Class<?> aggregate, String id) {
        fixture = new CorrectionFixture(aggregate, id, c -> c
                .registerComponent(BodyLookup.class, x -> BudgetFixtures.bodies())
                .registerComponent(SourceBalances.class, x -> balances));
        return fixture;
    }

    @AfterEach
    void tearDown() {
        if (fixture != null) fixture.shutdown();
    }

    static BudgetAllocated allocated(long amount) {
        return new BudgetAllocated(ALLOCATION, 2021, amount, FRAME, SON, "Områdesteam", EFFECTIVE, KS_2021_03);
    }

    @Test
    void a_corrected_allocation_within_what_remains_of_the_frame_is_accepted() {
        balances.with(KS_FRAME.value(), 2021, 1_000, 900); // this allocation's 600 and another 300
        List<String> ids = on(Allocation.class, ALLOCATION.value()).given(allocated(600));

        var appended = fixture.when(fixture.correction(ids.get(0), allocated(700), "Fel belopp"));

        assertThat(appended.get(0).payload()).isInstanceOf(EntryCorrected.class);
        assertThat(appended.get(1).payload()).isEqualTo(allocated(700));
    }

    @Test
    void a_corrected_allocation_that_would_overdraw_the_frame_is_refused() {
        balances.with(KS_FRAME.value(), 2021, 1_000, 900);
        List<String> ids = on(Allocation.class, ALLOCATION.value()).given(allocated(600));

        assertThat(fixture.refused(fixture.correction(ids.get(0), allocated(800), "Fel belopp")).rule()).isEqualTo("frame-exceeded");
    }

    @Test
    void money_corrected_to_a_body_that_had_ended_by_its_date_is_refused() {
        balances.with(KS_FRAME.value(), 2021, 1_000, 600);
        List<String> ids = on(Allocation.class, ALLOCATION.value()).given(allocated(600));
        BudgetAllocated toLibra = new BudgetAllocated(ALLOCATION, 2021, 600, FRAME,
                new Recipient(RecipientKind.GOVERNANCE_BODY, LIBRA, "LiBrå", null), null, EFFECTIVE, KS_2021_03);

        assertThat(fixture.refused(fixture.correction(ids.get(0), toLibra, "Fel mottagare")).rule()).isEqualTo("recipient-not-active");
    }

    @Test
    void an_allocation_corrected_below_what_was_distributed_is_refused() {
        balances.with(KS_FRAME.value(), 2021, 1_000, 600);
        List<String> ids = on(Allocation.class, ALLOCATION.value()).given(allocated(600),
                new AllocationDistributed(ALLOCATION, 2021, 600, FRAME, SON, List.of(new AllocationPart(SON, 600, null)), EFFECTIVE, KS_2021_03));

        assertThat(fixture.refused(fixture.correction(ids.get(0), allocated(500), "Fel belopp")).rule()).isEqualTo("distribution-sum-exact");
    }

    @Test
    void a_reversal_corrected_beyond_the_allocation_is_refused() {
        balances.with(KS_FRAME.value(), 2021, 1_000, 400);
        List<String> ids = on(Allocation.class, ALLOCATION.value()).given(allocated(600),
                new AllocationReversed(ALLOCATION, 2021, 200, FRAME, SON, "Överskott", EFFECTIVE, KS_2021_03));

        assertThat(fixture.refused(fixture.correction(ids.get(1),
                new AllocationReversed(ALLOCATION, 2021, 700, FRAME, SON, "Överskott", EFFECTIVE, KS_2021_03), "Fel belopp")).rule())
                .isEqualTo("reversal-exceeds-allocation");
    }

    @Test
    void a_frame_corrected_below_what_has_been_allocated_from_it_is_refused() {
        balances.with(KS_FRAME.value(), 2021, 1_500, 1_200);
        BudgetFrameOpened opened = new BudgetFrameOpened(KS_FRAME, "Kommunstyrelsen", 2021, 1_000, null, EFFECTIVE, KS_2021_03);
        List<String> ids = on(BudgetFrame.class, KS_FRAME.value()).given(opened,
                new BudgetFrameExtended(KS_FRAME, "Kommunstyrelsen", 2021, 500, "KS resursfond", EFFECTIVE, KS_2021_03));

        assertThat(fixture.refused(fixture.correction(ids.get(1),
                new BudgetFrameExtended(KS_FRAME, "Kommunstyrelsen", 2021, 100, "KS resursfond", EFFECTIVE, KS_2021_03), "Fel belopp")).rule())
                .isEqualTo("frame-exceeded");
        assertThat(fixture.when(fixture.correction(ids.get(1),
                new BudgetFrameExtended(KS_FRAME, "Kommunstyrelsen", 2021, 200, "KS resursfond", EFFECTIVE, KS_2021_03), "Fel belopp")))
                .hasSize(2);
        assertThat(fixture.refused(fixture.correction(ids.get(0), null, "Aldrig")).rule()).isEqualTo("opening-not-annullable");
    }

    @Test
    void a_grant_corrected_below_what_has_been_allocated_from_it_is_refused() {
        balances.with(DMS_GRANT.value(), 2021, 2_100_000, 2_000_000);
        List<String> ids = on(Grant.class, DMS_GRANT.value()).given(
                new GrantRegistered(DMS_GRANT, "Delegationen mot segregation", 2021, 2_100_000, null, EFFECTIVE, KS_2021_03));

        assertThat(fixture.refused(fixture.correction(ids.get(0),
                new GrantRegistered(DMS_GRANT, "Delegationen mot segregation", 2021, 1_000_000, null, EFFECTIVE, KS_2021_03), "Fel")).rule())
                .isEqualTo("grant-exceeded");
    }
}

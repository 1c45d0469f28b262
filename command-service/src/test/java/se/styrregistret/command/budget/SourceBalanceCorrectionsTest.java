package se.styrregistret.command.budget;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The balances against the real PostgreSQL: a correction moves the difference; an annulment takes the entry's movement out. */
class SourceBalanceCorrectionsTest extends CommandServiceTest {

    static final DecisionReference DECISION = new DecisionReference("KS 2021-1", null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

    @Autowired
    SourceBalanceRegistry balances;

    @Test
    void a_corrected_allocation_moves_the_difference_and_an_overdraw_is_refused() {
        BudgetFrameId frame = BudgetFrameId.of("f-" + UUID.randomUUID());
        FundingSource source = FundingSource.frame(frame, "Ramen");
        balances.apply(new BudgetFrameOpened(frame, "Kommunstyrelsen", 2021, 1_000, null, DECISION.decisionDate(), DECISION),
                UUID.randomUUID().toString(), null);
        String allocation = UUID.randomUUID().toString();
        balances.apply(allocated(source, 600), allocation, null);
        assertThat(balances.balanceOf(frame.value()).orElseThrow().allocatedSek()).isEqualTo(600);

        String corrected = UUID.randomUUID().toString();
        balances.apply(new EntryCorrected("a", allocation, 5, "BudgetAllocated", false, "Fel belopp", null), UUID.randomUUID().toString(), null);
        balances.apply(allocated(source, 900), corrected, allocation);
        assertThat(balances.balanceOf(frame.value()).orElseThrow().allocatedSek()).isEqualTo(900);

        RuleViolation overdraw = catchThrowableOfType(RuleViolation.class,
                () -> balances.apply(allocated(source, 1_100), UUID.randomUUID().toString(), corrected));
        assertThat(overdraw.rule()).isEqualTo("frame-exceeded");
    }

    @Test
    void an_annulled_allocation_gives_its_money_back() {
        BudgetFrameId frame = BudgetFrameId.of("f-" + UUID.randomUUID());
        FundingSource source = FundingSource.frame(frame, "Ramen");
        balances.apply(new BudgetFrameOpened(frame, "Kommunstyrelsen", 2021, 1_000, null, DECISION.decisionDate(), DECISION),
                UUID.randomUUID().toString(), null);
        String allocation = UUID.randomUUID().toString();
        balances.apply(allocated(source, 600), allocation, null);

        balances.apply(new EntryCorrected("a", allocation, 5, "BudgetAllocated", true, "Aldrig beslutat", null), UUID.randomUUID().toString(), null);

        assertThat(balances.balanceOf(frame.value()).orElseThrow().allocatedSek()).isZero();
    }

    static BudgetAllocated allocated(FundingSource source, long amount) {
        return new BudgetAllocated(AllocationId.of("a-" + UUID.randomUUID()), 2021, amount, source,
                Recipient.committee("Social- och omsorgsnämnden"), null, DECISION.decisionDate(), DECISION);
    }
}

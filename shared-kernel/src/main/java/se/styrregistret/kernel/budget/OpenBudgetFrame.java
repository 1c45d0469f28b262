package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/** A decision gives a committee (nämnd) its budget frame for a fiscal year. The opening amount may be 0 when the register only knows the frame through later extensions. */
public record OpenBudgetFrame(
        @TargetAggregateIdentifier BudgetFrameId frameId,
        String committee,
        int fiscalYear,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public OpenBudgetFrame {
        committee = committee == null ? null : committee.strip();
        financedFrom = Text.blankToNull(financedFrom);
    }
}

package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision extends a frame, financed from somewhere (e.g. "KS resursfond 2021"). */
public record ExtendBudgetFrame(
        @TargetAggregateIdentifier BudgetFrameId frameId,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ExtendBudgetFrame {
        financedFrom = financedFrom == null ? null : financedFrom.strip();
    }
}

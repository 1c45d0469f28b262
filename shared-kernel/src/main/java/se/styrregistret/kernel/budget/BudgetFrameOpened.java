package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A committee's budget frame for a fiscal year was opened. */
public record BudgetFrameOpened(
        BudgetFrameId frameId,
        String committee,
        int fiscalYear,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

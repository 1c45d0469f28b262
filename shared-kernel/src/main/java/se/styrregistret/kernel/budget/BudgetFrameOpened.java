package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A committee's budget frame for a fiscal year was opened. */
@Revision("1")
public record BudgetFrameOpened(
        BudgetFrameId frameId,
        String committee,
        int fiscalYear,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

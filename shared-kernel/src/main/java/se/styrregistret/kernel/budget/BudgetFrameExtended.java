package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** A frame was extended; committee and year repeated so readers need no other event. */
public record BudgetFrameExtended(
        BudgetFrameId frameId,
        String committee,
        int fiscalYear,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A frame was extended; committee and year repeated so readers need no other event. */
@Revision("1")
public record BudgetFrameExtended(
        BudgetFrameId frameId,
        String committee,
        int fiscalYear,
        long amountSek,
        String financedFrom,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Money moved from a source to a recipient. */
@Revision("1")
public record BudgetAllocated(
        AllocationId allocationId,
        int fiscalYear,
        long amountSek,
        FundingSource source,
        Recipient recipient,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

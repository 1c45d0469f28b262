package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Money moved from a source to a recipient. */
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

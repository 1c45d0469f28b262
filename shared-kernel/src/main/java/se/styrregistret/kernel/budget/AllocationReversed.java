package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** (Part of) an allocation was taken back; source and recipient repeated for the ledger. */
public record AllocationReversed(
        AllocationId allocationId,
        int fiscalYear,
        long amountSek,
        FundingSource source,
        Recipient recipient,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

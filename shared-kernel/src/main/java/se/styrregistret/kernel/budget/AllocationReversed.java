package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** (Part of) an allocation was taken back; source and recipient repeated for the ledger. */
@Revision("1")
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

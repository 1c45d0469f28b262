package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/** A decision moves money from a source (a frame, resource funds or a grant) to a recipient for a fiscal year. */
public record AllocateBudget(
        @TargetAggregateIdentifier AllocationId allocationId,
        int fiscalYear,
        long amountSek,
        FundingSource source,
        Recipient recipient,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public AllocateBudget {
        purpose = Text.blankToNull(purpose);
    }
}

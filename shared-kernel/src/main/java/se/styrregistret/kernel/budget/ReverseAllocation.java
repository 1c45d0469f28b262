package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/** A correction: (part of) an allocation is taken back by a new event, never by an edit. */
public record ReverseAllocation(
        @TargetAggregateIdentifier AllocationId allocationId,
        long amountSek,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ReverseAllocation {
        reason = Text.blankToNull(reason);
    }
}

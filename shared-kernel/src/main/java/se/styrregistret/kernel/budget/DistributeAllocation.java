package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** Split an allocation among recipients; the parts must sum exactly to what is left of it. */
public record DistributeAllocation(
        @TargetAggregateIdentifier AllocationId allocationId,
        List<AllocationPart> parts,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public DistributeAllocation {
        parts = Text.listOf(parts);
    }
}

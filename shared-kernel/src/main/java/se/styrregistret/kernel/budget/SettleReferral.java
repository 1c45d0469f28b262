package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** The later budget process has decided a referred item; the allocation it made, if any, is named. */
public record SettleReferral(
        @TargetAggregateIdentifier ReferralId referralId,
        String outcome,
        AllocationId allocationId,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public SettleReferral {
        outcome = outcome == null ? null : outcome.strip();
    }
}

package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision withdraws an action from the plan; a withdrawn action takes no more progress. */
public record WithdrawAction(
        @TargetAggregateIdentifier ActionPlanId planId,
        String actionId,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision adds an action to an adopted plan. */
public record AddAction(
        @TargetAggregateIdentifier ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

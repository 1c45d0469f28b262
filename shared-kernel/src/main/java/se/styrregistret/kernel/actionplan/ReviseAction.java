package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision revises an action: the action with the same id is replaced by this description. */
public record ReviseAction(
        @TargetAggregateIdentifier ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

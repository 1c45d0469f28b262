package se.styrregistret.kernel.actionplan;


import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was added to a plan. */
public record ActionAdded(
        ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.actionplan;


import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was revised; {@code action} is its whole new description. */
public record ActionRevised(
        ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

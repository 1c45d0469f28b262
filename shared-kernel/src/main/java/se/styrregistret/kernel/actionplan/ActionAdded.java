package se.styrregistret.kernel.actionplan;


import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was added to a plan. */
@Revision("1")
public record ActionAdded(
        ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.actionplan;


import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was revised; {@code action} is its whole new description. */
@Revision("1")
public record ActionRevised(
        ActionPlanId planId,
        PlannedAction action,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.actionplan;


import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was withdrawn from its plan. */
@Revision("1")
public record ActionWithdrawn(
        ActionPlanId planId,
        String actionId,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

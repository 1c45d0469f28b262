package se.styrregistret.kernel.actionplan;


import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Progress on an action was reported. */
@Revision("1")
public record ActionProgressReported(
        ActionPlanId planId,
        String actionId,
        ProgressStatus previousStatus,
        ProgressStatus status,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

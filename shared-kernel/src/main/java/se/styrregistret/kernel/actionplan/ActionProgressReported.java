package se.styrregistret.kernel.actionplan;


import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Progress on an action was reported. */
public record ActionProgressReported(
        ActionPlanId planId,
        String actionId,
        ProgressStatus previousStatus,
        ProgressStatus status,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

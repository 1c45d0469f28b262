package se.styrregistret.kernel.actionplan;


import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was taken back to an earlier status by a decision. */
@Revision("1")
public record ActionReopened(
        ActionPlanId planId,
        String actionId,
        ProgressStatus previousStatus,
        ProgressStatus status,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

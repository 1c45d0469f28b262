package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Progress on an action as of {@code effectiveDate} (the date of the report), citing the decision or report it rests on. */
public record ReportActionProgress(
        @TargetAggregateIdentifier ActionPlanId planId,
        String actionId,
        ProgressStatus status,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

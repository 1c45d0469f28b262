package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision reopens an action: takes it back to an earlier status ({@code PLANNED} or {@code STARTED}). */
public record ReopenAction(
        @TargetAggregateIdentifier ActionPlanId planId,
        String actionId,
        ProgressStatus status,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

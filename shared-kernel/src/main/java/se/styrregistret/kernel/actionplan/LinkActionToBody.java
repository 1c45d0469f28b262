package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision ties an action to a governance body that carries it out (e.g. "Bilda områdesteam" to the area teams). */
public record LinkActionToBody(
        @TargetAggregateIdentifier ActionPlanId planId,
        String actionId,
        GovernanceBodyId bodyId,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

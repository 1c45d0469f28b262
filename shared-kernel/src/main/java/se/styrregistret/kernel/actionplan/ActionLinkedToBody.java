package se.styrregistret.kernel.actionplan;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** An action was tied to a governance body. */
@Revision("1")
public record ActionLinkedToBody(
        ActionPlanId planId,
        String actionId,
        GovernanceBodyId bodyId,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

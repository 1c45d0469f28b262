package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

public record DissolveGovernanceBody(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        String reason,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

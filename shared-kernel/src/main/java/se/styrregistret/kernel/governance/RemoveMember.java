package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A role leaves the body from the effective date. */
public record RemoveMember(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        String role,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

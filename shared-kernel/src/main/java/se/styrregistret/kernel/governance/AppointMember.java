package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A role gets a seat in the body (optionally with a named holder) from the effective date. */
public record AppointMember(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        Member member,
        LocalDate effectiveDate,
        DecisionReference decision) {
}

package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

@Revision("1")
public record MemberRemoved(GovernanceBodyId bodyId, Member member, LocalDate effectiveDate, DecisionReference decision) {
}

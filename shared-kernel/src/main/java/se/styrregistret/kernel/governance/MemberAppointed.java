package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

public record MemberAppointed(GovernanceBodyId bodyId, Member member, LocalDate effectiveDate, DecisionReference decision) {
}

package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

public record GovernanceBodyDissolved(GovernanceBodyId bodyId, String reason, LocalDate effectiveDate,
                                      DecisionReference decision) {
}

package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/** The body ended: its work carries on in {@code successors}. */
public record GovernanceBodyReplaced(GovernanceBodyId bodyId, List<GovernanceBodyId> successors, String note,
                                     LocalDate effectiveDate, DecisionReference decision) {
    public GovernanceBodyReplaced {
        successors = List.copyOf(successors);
    }
}

package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/** The body ended: its work carries on in {@code successors}. */
@Revision("1")
public record GovernanceBodyReplaced(GovernanceBodyId bodyId, List<GovernanceBodyId> successors, String note,
                                     LocalDate effectiveDate, DecisionReference decision) {
    public GovernanceBodyReplaced {
        successors = List.copyOf(successors);
    }
}

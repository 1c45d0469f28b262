package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/** The body took over the work of {@code predecessors}. */
@Revision("1")
public record GovernanceBodySucceeded(GovernanceBodyId bodyId, List<GovernanceBodyId> predecessors, String note,
                                      LocalDate effectiveDate, DecisionReference decision) {
    public GovernanceBodySucceeded {
        predecessors = List.copyOf(predecessors);
    }
}

package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * One decision ends the predecessors and lets the successors carry on their work; all bodies
 * change together or none does. Lineage is kept both ways.
 */
public record ReplaceGovernanceBody(
        List<GovernanceBodyId> predecessors,
        List<GovernanceBodyId> successors,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ReplaceGovernanceBody {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        successors = successors == null ? List.of() : List.copyOf(successors);
    }
}
